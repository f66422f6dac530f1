"""`python -m fieldapp` runs the command line."""

import sys

from fieldapp.cli.main import main

sys.exit(main())
