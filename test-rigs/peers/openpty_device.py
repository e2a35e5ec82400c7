#!/usr/bin/python3
"""A Modbus RTU device on a pseudo-terminal that sees the line settings its master sets.

A socat pty pair is two ptys joined by socat: the settings the gateway makes on its end never
reach the device's end, so a simulated device there answers at any baud rate. Here the device
holds the *master* side of one pty made with openpty() and the gateway opens the slave side (via
the link --link); tcgetattr() on the master returns the slave's termios, so before answering each
request the device checks the baud rate and stop bits the gateway set, and stays silent when they
are not its own, as a real device at another rate would (it would see line noise).

Parity cannot be checked: Linux's pty driver clears PARENB whatever the gateway sets (measured:
8E1 reads back as 8N1). How a UART at the wrong parity garbles frames is tested at the frame level.

    openpty_device.py --link /tmp/x/ttyGW --unit 7 --baud 19200 --stop-bits 1 --holding 0=123,1=456

Prints ``READY link=... slave=/dev/pts/N`` when serving; exits 0 on SIGTERM. Answers FC 3 and 4
from the given registers (exception 2 for an unmapped address, exception 1 for other functions),
and prints ``IGNORED baud=... stop-bits=...`` for each request heard at the wrong settings.
"""

import argparse
import os
import select
import signal
import sys
import termios
import tty

SPEEDS = {getattr(termios, "B" + str(b)): b for b in (
    300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400)}


def crc16(data):
    crc = 0xFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return bytes([crc & 0xFF, crc >> 8])


def parse_registers(text):
    registers = {}
    for assignment in filter(None, (text or "").split(",")):
        address, _, value = assignment.partition("=")
        registers[int(address, 0)] = int(value, 0) & 0xFFFF
    return registers


def line_settings(master):
    iflag, oflag, cflag, lflag, ispeed, ospeed, cc = termios.tcgetattr(master)
    stop_bits = 2 if cflag & termios.CSTOPB else 1
    return SPEEDS.get(ospeed, ospeed), stop_bits


def answer(request, unit, tables):
    if len(request) < 8 or crc16(request[:-2]) != request[-2:] or request[0] != unit:
        return None
    function = request[1]
    if function not in (3, 4):
        body = bytes([unit, function | 0x80, 1])
        return body + crc16(body)
    address = int.from_bytes(request[2:4], "big")
    count = int.from_bytes(request[4:6], "big")
    registers = tables[function]
    if count < 1 or count > 125 or any(a not in registers for a in range(address, address + count)):
        body = bytes([unit, function | 0x80, 2])
        return body + crc16(body)
    data = b"".join(registers[a].to_bytes(2, "big") for a in range(address, address + count))
    body = bytes([unit, function, len(data)]) + data
    return body + crc16(body)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--link", required=True)
    parser.add_argument("--unit", type=int, required=True)
    parser.add_argument("--baud", type=int, default=9600)
    parser.add_argument("--stop-bits", type=int, choices=[1, 2], default=1)
    parser.add_argument("--holding")
    parser.add_argument("--input")
    options = parser.parse_args(argv)
    tables = {3: parse_registers(options.holding), 4: parse_registers(options.input)}

    master, slave = os.openpty()
    tty.setraw(slave)  # raw until the gateway sets its own mode; keeps the master free of EIO
    slave_name = os.ttyname(slave)
    if os.path.lexists(options.link):
        os.unlink(options.link)
    os.symlink(slave_name, options.link)
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(1))
    print(f"READY link={options.link} slave={slave_name}", flush=True)
    pending = b""
    try:
        while not stopping:
            try:
                ready, _, _ = select.select([master], [], [], 0.005 if pending else 0.2)
            except InterruptedError:
                continue
            if ready:
                pending += os.read(master, 512)
                continue
            if not pending:
                continue
            # 5 ms of silence ends a frame (longer than 3.5 characters at 9600 baud and above).
            request, pending = pending, b""
            baud, stop_bits = line_settings(master)
            if (baud, stop_bits) != (options.baud, options.stop_bits):
                print(f"IGNORED baud={baud} stop-bits={stop_bits}", flush=True)
                continue
            reply = answer(request, options.unit, tables)
            if reply is not None:
                os.write(master, reply)
    finally:
        if os.path.islink(options.link):
            os.unlink(options.link)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
