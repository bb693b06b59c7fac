"""Run the command line as ``python -m provenance``."""

import sys

from provenance.cli import main

sys.exit(main())
