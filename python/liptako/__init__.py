"""liptako: people, countries, organizations, places, dates and dated events in English news.

>>> import liptako
>>> x = liptako.Extractor()
>>> doc = x.extract("Mali, Niger and Burkina Faso signed a pact on Saturday.", dct="2023-09-18")
"""

from ._document import Dct, Document, Entity, Event, EventDate, Participant, Span, Timex
from ._extractor import Extractor
from .errors import ConfigError, Error, LimitError
from .frames import Frames, timeline, to_frames  # pandas is imported only when they are called
from .gazetteer import Gazetteer, Match

__version__ = "0.1.0"

__all__ = [
    "Extractor", "Document", "Entity", "Timex", "Event", "EventDate", "Participant", "Span",
    "Dct", "Error", "ConfigError", "LimitError", "__version__",
    "to_frames", "timeline", "Frames", "Gazetteer", "Match",
]
