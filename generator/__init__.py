"""digest: scraped news articles in, one searchable briefing site out."""

__version__ = "0.1.0"
