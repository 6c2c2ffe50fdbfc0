"""``python -m neuron_core``: see ``neuron_core.cli``."""

import sys

from neuron_core.cli import main

sys.exit(main())
