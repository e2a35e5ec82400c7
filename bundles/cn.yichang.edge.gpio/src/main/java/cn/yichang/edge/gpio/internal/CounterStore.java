package cn.yichang.edge.gpio.internal;

/** Where the pulse counts of counter devices are kept across restarts. */
interface CounterStore {

  /** The count kept for {@code deviceId}, 0 if none. */
  long load(String deviceId);

  /** The new count; kept durably within the store's flush interval, not at once. */
  void update(String deviceId, long pulses);

  /** A store that keeps nothing (for devices that count nothing). */
  CounterStore NONE =
      new CounterStore() {
        @Override
        public long load(String deviceId) {
          return 0;
        }

        @Override
        public void update(String deviceId, long pulses) {}
      };
}
