"""Old import path of :mod:`geo.core.errors`, kept so existing imports keep working:
the same module object."""

import sys
from importlib import import_module

sys.modules[__name__] = import_module("geo.core.errors")
