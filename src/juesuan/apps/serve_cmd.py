"""`juesuan serve`: the web workbench on the store (uvicorn, one process; documents are read in
worker processes it starts). Prints its address, runs until Ctrl-C."""

from __future__ import annotations

import argparse

from .store_cmd import DB_HELP


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help=DB_HELP)
    parser.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1，只供本机访问）")
    parser.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    parser.add_argument("--data-dir", metavar="DIR", help="上传排队中的文件、页面图片和生成文件的存放文件夹（默认在数据库文件夹下的 web）")
    parser.add_argument("--workers", type=int, default=2, metavar="N", help="同时处理文件的进程数（默认 2）")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from .store import db
    from .web.app import create_app

    if not 1 <= args.port <= 65535:
        print(f"错误：端口 {args.port} 无效（应为 1–65535）")
        return 2
    app = create_app(args.db, args.data_dir, workers=max(1, args.workers))
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"juesuan 工作台已启动：http://{host}:{args.port}/ （数据库 {db.shown(app.state.url)}；按 Ctrl-C 停止）", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0
