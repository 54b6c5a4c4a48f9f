"""``python -m rupa FILE.lua [ARGS...]`` or ``python -m rupa -e CODE``: runs Lua with the
``python`` table available. Lua errors are printed as ``lua5.4`` prints them (status 1)."""

from __future__ import annotations

import sys
from typing import List, Optional

from . import LuaError, LuaRuntime

_USAGE = "usage: python -m rupa FILE.lua [ARGS...] | python -m rupa -e CODE"


def main(argv: Optional[List[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print(_USAGE, file=sys.stderr if not args else sys.stdout)
        return 2 if not args else 0
    lua = LuaRuntime()
    try:
        if args[0] == "-e":
            if len(args) < 2:
                print(_USAGE, file=sys.stderr)
                return 2
            lua.execute(args[1], name="=(command line)")
        else:
            path = args[0]
            with open(path, "rb") as f:
                code = f.read()
            if code.startswith(b"#"):
                # lua.c skips a first line starting with '#' (a shebang), keeping the count.
                code = b"--" + code
            arg = lua.table_from(args[1:])
            arg[0] = path  # as lua.c: the script at 0, its arguments from 1
            lua.globals()["arg"] = arg
            lua.execute(code, *args[1:], name="@" + path)
    except LuaError as e:
        print("rupa: %s" % e, file=sys.stderr)
        return 1
    except OSError as e:
        print("rupa: cannot open %s" % e.filename, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
