"""liptako's exceptions: one hierarchy, rooted at :class:`liptako.Error`."""

from ._core import ConfigError, Error, LimitError

__all__ = ["Error", "ConfigError", "LimitError"]
