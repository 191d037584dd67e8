"""extract's spaCy components: importing this package registers every extract_* factory."""

from extract.components import (  # noqa: F401
    attribute_ruler,
    country_names,
    datelines,
    dates,
    entities,
    events,
    lemmatizer,
    lexicon,
    places,
    publications,
)
