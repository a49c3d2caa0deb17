#!/usr/bin/env python3
"""Readers holding an article's live comment stream open, for bench/live.sh.

Opens N Server-Sent Events streams to /articles/SLUG/comments/stream, says READY (in the file
given), waits until the file POST appears, posts one comment, and measures how long each stream
takes to get its `comments` event. Writes a RESULT line to the result file, then keeps the streams
open until the file STOP appears. Only the Python standard library.
"""
import asyncio
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path


async def reader(host, port, path, opened, received, failures, posted_at):
    try:
        for attempt in range(5):
            r, w = await asyncio.open_connection(host, port, limit=1 << 16)
            w.write((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/event-stream\r\n"
                     "User-Agent: Mozilla/5.0 bench\r\n\r\n").encode())
            await w.drain()
            status = await r.readline()
            if b" 200 " in status:
                break
            # refused (the instance is busy or full): as a reader's reload would, later
            w.close()
            if attempt == 4:
                failures.append(status.decode(errors="replace").strip())
                return
            await asyncio.sleep(1 + attempt)
        while (await r.readline()) not in (b"\r\n", b""):
            pass
        opened.append(1)
        while True:
            line = await r.readline()
            if not line:
                failures.append("closed")
                return
            if line.strip() == b"event:comments":
                received.append(time.monotonic() - posted_at[0] if posted_at else -1)
                break
        # keep holding the stream, as a reader with the page open
        while await r.readline():
            pass
    except OSError as ex:
        failures.append(str(ex))


async def wait_for(path):
    while not Path(path).exists():
        await asyncio.sleep(0.1)


async def main():
    host, port, slug, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    control = Path(sys.argv[5])
    stream = f"/articles/{slug}/comments/stream"
    opened, received, failures, posted_at = [], [], [], []
    tasks = []
    for i in range(count):
        tasks.append(asyncio.create_task(reader(host, port, stream, opened, received, failures, posted_at)))
        if i % 50 == 49:
            await asyncio.sleep(0.05)
    deadline = time.monotonic() + 120
    while len(opened) + len(failures) < count and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    (control / "READY").write_text(f"opened={len(opened)} failed={len(failures)}\n")
    await wait_for(control / "POST")
    body = urllib.parse.urlencode({"body": "ライブ配信のベンチマークで投稿したコメント"}).encode()
    request = urllib.request.Request(f"http://{host}:{port}/articles/{slug}/comments", data=body, headers={
        "Origin": f"http://{host}:{port}", "Content-Type": "application/x-www-form-urlencoded"})
    posted_at.append(time.monotonic())
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, lambda: urllib.request.urlopen(request).read())
    deadline = time.monotonic() + 60
    while len(received) < len(opened) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    latencies = sorted(received)
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else -1
    (control / "RESULT").write_text(
        f"RESULT opened={len(opened)} failed={len(failures)} received={len(received)} "
        f"p50_ms={p(0.5) * 1000:.0f} p99_ms={p(0.99) * 1000:.0f} last_ms={(latencies[-1] if latencies else -1) * 1000:.0f}"
        + (f" first_failure={failures[0]!r}" if failures else "") + "\n")
    await wait_for(control / "STOP")
    for task in tasks:
        task.cancel()


if __name__ == "__main__":
    asyncio.run(main())
