"""``python -m targettrack``: the ``targettrack`` command."""

from .cli import main

raise SystemExit(main())
