#!/usr/bin/env python3
"""A minimal SMTP server that accepts every message and throws it away, counting them, so that
the import benchmark sends its invitation emails for real over SMTP.

Usage: smtp_sink.py <port> <count file>
"""
import asyncio
import sys

port, count_file = int(sys.argv[1]), sys.argv[2]
received = 0


async def handle(reader, writer):
    global received
    writer.write(b"220 sink ESMTP\r\n")
    await writer.drain()
    data = False
    while True:
        line = await reader.readline()
        if not line:
            break
        if data:
            if line == b".\r\n":
                data = False
                received += 1
                if received % 1000 == 0:
                    with open(count_file, "w") as out:
                        out.write(str(received))
                writer.write(b"250 OK\r\n")
                await writer.drain()
            continue
        command = line[:4].upper()
        if command == b"DATA":
            data = True
            writer.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
        elif command == b"QUIT":
            writer.write(b"221 Bye\r\n")
            await writer.drain()
            break
        else:
            writer.write(b"250 OK\r\n")
        await writer.drain()
    writer.close()
    with open(count_file, "w") as out:
        out.write(str(received))


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


asyncio.run(main())
