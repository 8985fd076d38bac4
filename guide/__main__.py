"""`python -m guide` runs the same command line as `stretch-guide`."""

import sys

from guide.launch import main

sys.exit(main())
