/*
 * A libmodbus RTU master in a tight loop, as the benchmark's peer: polls the given units
 * round-robin, each with its reads, for a warm-up and then a measured duration, and prints
 *   polls=N failed=F seconds=S
 * where a poll is complete when every read of the unit succeeded, counted over whole rounds.
 *
 * usage: bus_master PORT BAUD WARMUP_MS MEASURE_MS UNIT:T:ADDR:COUNT[/T:ADDR:COUNT...] ...
 *        T is h (holding, FC 3), i (input, FC 4), c (coil, FC 1) or d (discrete, FC 2).
 *
 * Built by the benchmark at run time: cc bus_master.c $(pkg-config --cflags --libs libmodbus)
 */
#include <errno.h>
#include <modbus.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_DEVICES 32
#define MAX_READS 8

struct read {
  char table;
  int address;
  int count;
};

struct device {
  int unit;
  int reads;
  struct read read[MAX_READS];
};

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int parse_device(const char *text, struct device *device) {
  char *copy = strdup(text);
  char *rest = copy;
  char *unit = strsep(&rest, ":");
  device->unit = atoi(unit);
  device->reads = 0;
  while (rest != NULL && device->reads < MAX_READS) {
    char *one = strsep(&rest, "/");
    struct read *read = &device->read[device->reads];
    if (sscanf(one, "%c:%d:%d", &read->table, &read->address, &read->count) != 3) {
      free(copy);
      return -1;
    }
    device->reads++;
  }
  free(copy);
  return device->reads > 0 && device->unit > 0 ? 0 : -1;
}

static int read_one(modbus_t *ctx, const struct read *read) {
  uint16_t registers[125];
  uint8_t bits[2000];
  switch (read->table) {
    case 'h': return modbus_read_registers(ctx, read->address, read->count, registers);
    case 'i': return modbus_read_input_registers(ctx, read->address, read->count, registers);
    case 'c': return modbus_read_bits(ctx, read->address, read->count, bits);
    case 'd': return modbus_read_input_bits(ctx, read->address, read->count, bits);
    default: return -1;
  }
}

/* One poll of one device: all its reads; returns 1 when every read succeeded. */
static int poll(modbus_t *ctx, const struct device *device) {
  int ok = 1;
  modbus_set_slave(ctx, device->unit);
  for (int i = 0; i < device->reads; i++) {
    if (read_one(ctx, &device->read[i]) != device->read[i].count) {
      ok = 0;
    }
  }
  return ok;
}

int main(int argc, char **argv) {
  if (argc < 6) {
    fprintf(stderr, "usage: %s PORT BAUD WARMUP_MS MEASURE_MS UNIT:T:ADDR:COUNT[/...] ...\n",
            argv[0]);
    return 2;
  }
  int baud = atoi(argv[2]);
  double warmup = atoi(argv[3]) / 1000.0;
  double measure = atoi(argv[4]) / 1000.0;
  struct device devices[MAX_DEVICES];
  int count = 0;
  for (int i = 5; i < argc && count < MAX_DEVICES; i++) {
    if (parse_device(argv[i], &devices[count]) != 0) {
      fprintf(stderr, "bad device %s\n", argv[i]);
      return 2;
    }
    count++;
  }
  modbus_t *ctx = modbus_new_rtu(argv[1], baud, 'N', 8, 1);
  if (ctx == NULL || modbus_connect(ctx) != 0) {
    fprintf(stderr, "cannot open %s: %s\n", argv[1], modbus_strerror(errno));
    return 1;
  }
  modbus_set_response_timeout(ctx, 0, 500000);

  double start = now_seconds();
  double measure_start = start + warmup;
  double end = measure_start + measure;
  long polls = 0;
  long failed = 0;
  int measuring = 0;
  /* Measuring starts and ends at round boundaries, so the rate covers whole rounds. */
  for (int next = 0;; next = (next + 1) % count) {
    if (next == 0) {
      double now = now_seconds();
      if (!measuring && now >= measure_start) {
        measuring = 1;
        measure_start = now;
      } else if (measuring && now >= end) {
        break;
      }
    }
    int ok = poll(ctx, &devices[next]);
    if (measuring) {
      if (ok) {
        polls++;
      } else {
        failed++;
      }
    }
  }
  printf("polls=%ld failed=%ld seconds=%.6f\n", polls, failed, now_seconds() - measure_start);
  modbus_close(ctx);
  modbus_free(ctx);
  return 0;
}
