#!/usr/bin/python3
"""An independent Modbus RTU device for integration tests: pymodbus serving on a serial port.

Run it with /usr/bin/python3 (Debian's python3-pymodbus 3.0.0rc1 and python3-serial live there).
It serves one or more units on a port (typically one end of a socat pty pair), prints one line
``READY port=... units=...`` once the port is open, and exits 0 on SIGTERM or SIGINT.

Register values come from a JSON file, from arguments, or both (arguments win)::

    pymodbus_device.py --port /tmp/x/ttyDEV --baud 9600 --values device.json
    pymodbus_device.py --port /tmp/x/ttyDEV --unit 1 --holding 0=123,1=65535 --input 8=16712,9=0 \\
                       --coil 0=1 --discrete 0..7=1 --unit 2 --holding 0..9=7

JSON: {"units": {"1": {"holding": {"0": 123, "1": [65535, 7]}, "input": {...},
                        "coils": {"0": 1}, "discretes": {...}}}}
A list is consecutive values from its address; a 32-bit value is given as its two registers.

``--drift ADDRESS=STEP/MS`` (after ``--unit N``) adds STEP (may be negative) to that holding
register every MS milliseconds, for a value that moves slowly (a soil drying out).
Addresses are 0-based, as on the wire. Only the given addresses are served: a read that touches
an unmapped one gets exception 2.
"""

import argparse
import asyncio
import json
import logging
import signal
import sys

from pymodbus.datastore import ModbusServerContext, ModbusSlaveContext, ModbusSparseDataBlock
from pymodbus.server.async_io import StartAsyncSerialServer
from pymodbus.transaction import ModbusRtuFramer

TABLES = ("holding", "input", "coils", "discretes")


def parse_number(text):
    text = str(text).strip()
    return int(text, 16) if text.lower().startswith("0x") else int(text)


def add_assignments(table, text):
    """Adds 'A=V,A..B=V' assignments to a {address: value} dict."""
    for assignment in text.split(","):
        address, _, value = assignment.partition("=")
        if not _:
            raise ValueError(f"expected ADDRESS=VALUE: {assignment}")
        first, _, last = address.partition("..")
        for each in range(parse_number(first), parse_number(last or first) + 1):
            table[each] = parse_number(value)


def load_json(path):
    """Reads {unit: {table: {address: value or [values]}}} from the JSON file."""
    with open(path, encoding="utf-8") as file:
        document = json.load(file)
    units = {}
    for unit, tables in document.get("units", {}).items():
        unknown = set(tables) - set(TABLES)
        if unknown:
            raise ValueError(f"unit {unit}: unknown tables {sorted(unknown)}")
        units[int(unit)] = {table: {} for table in TABLES}
        for table, values in tables.items():
            for address, value in values.items():
                values_at = value if isinstance(value, list) else [value]
                for offset, each in enumerate(values_at):
                    units[int(unit)][table][parse_number(address) + offset] = parse_number(each)
    return units


def parse_arguments(argv):
    """Parses the command line; --holding etc. apply to the last --unit."""
    parser = argparse.ArgumentParser(description="pymodbus RTU device on a serial port")
    parser.add_argument("--port", required=True)
    parser.add_argument("--baud", type=int, default=9600)
    parser.add_argument("--parity", choices=["none", "even", "odd"], default="none")
    parser.add_argument("--stop-bits", type=int, choices=[1, 2], default=1)
    parser.add_argument("--values", help="JSON file with the units' register values")
    options, rest = parser.parse_known_args(argv)
    units = load_json(options.values) if options.values else {}
    unit = None
    flags = {"--holding": "holding", "--input": "input", "--coil": "coils",
             "--discrete": "discretes"}
    words = iter(rest)
    drifts = []
    for word in words:
        value = next(words, None)
        if value is None:
            parser.error(f"{word} needs a value")
        if word == "--unit":
            unit = parse_number(value)
            units.setdefault(unit, {table: {} for table in TABLES})
        elif word in flags:
            if unit is None:
                parser.error(f"{word} must follow --unit N")
            add_assignments(units[unit][flags[word]], value)
        elif word == "--drift":
            if unit is None:
                parser.error("--drift must follow --unit N")
            address, _, rate = value.partition("=")
            step, _, millis = rate.partition("/")
            if not _ or not millis:
                parser.error(f"--drift {value}: expected ADDRESS=STEP/MS")
            drifts.append((unit, parse_number(address), int(step), int(millis)))
        else:
            parser.error(f"unknown option {word}")
    if not units:
        parser.error("no units: give --unit N or --values FILE")
    options.drifts = drifts
    return options, units


def slave_context(tables):
    # zero_mode: address N on the wire is entry N of the block (otherwise pymodbus adds one)
    def block(values):
        return ModbusSparseDataBlock(dict(values))

    return ModbusSlaveContext(
        hr=block(tables["holding"]), ir=block(tables["input"]),
        co=block(tables["coils"]), di=block(tables["discretes"]), zero_mode=True)


class _QuietShutdown(logging.Filter):
    """Drops the ERROR that pymodbus logs when its handler is cancelled by a normal shutdown."""

    def filter(self, record):
        return "has been cancelled" not in record.getMessage()


async def serve(options, units):
    context = ModbusServerContext(
        slaves={unit: slave_context(tables) for unit, tables in units.items()}, single=False)
    server = await StartAsyncSerialServer(
        context=context,
        framer=ModbusRtuFramer,  # the default is ASCII
        port=options.port,
        baudrate=options.baud,
        parity={"none": "N", "even": "E", "odd": "O"}[options.parity],
        stopbits=options.stop_bits,
        bytesize=8,
        ignore_missing_slaves=True,  # a unit that is not there does not answer, as on a bus
        defer_start=True,
    )
    await server.start()
    if server.transport is None:
        print(f"pymodbus_device: could not open {options.port}", file=sys.stderr)
        return 1
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    print(f"READY port={options.port} baud={options.baud} "
          f"units={','.join(str(unit) for unit in sorted(units))}", flush=True)
    drifting = [asyncio.create_task(drift(context, *d)) for d in options.drifts]
    await stop.wait()
    for task in drifting:
        task.cancel()
    await server.shutdown()
    return 0


async def drift(context, unit, address, step, millis):
    """Moves one holding register by step every millis ms (function code 3: holding registers)."""
    while True:
        await asyncio.sleep(millis / 1000)
        value = context[unit].getValues(3, address, 1)[0]
        context[unit].setValues(3, address, [(value + step) & 0xFFFF])


def main(argv):
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("pymodbus.server.async_io").addFilter(_QuietShutdown())
    try:
        options, units = parse_arguments(argv)
    except (ValueError, OSError) as error:
        print(f"pymodbus_device: {error}", file=sys.stderr)
        return 2
    return asyncio.run(serve(options, units))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
