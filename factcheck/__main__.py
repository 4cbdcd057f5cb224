"""``python -m factcheck``: the same command as ``factcheck``."""

import sys

from factcheck.cli import main

sys.exit(main())
