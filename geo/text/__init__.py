"""Text stage: documents in (files, folders, stdin, JSONL, HTML),
sentences and place mentions out."""

from geo.text.mentions import Mention, MentionScanner
from geo.text.sources import Document, iter_documents

__all__ = ["Document", "Mention", "MentionScanner", "iter_documents"]
