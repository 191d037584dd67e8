"""extract: organisations, publications, dates, places, people and attack events from security reports."""

__version__ = "0.1.0"

from extract.extractor import Extractor  # noqa: E402

__all__ = ["Extractor", "__version__"]
