"""``python -m geo`` runs the CLI."""

import sys

from geo.cli import main

sys.exit(main())
