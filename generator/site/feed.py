"""An Atom feed of the latest dated articles, built with xml.etree (which escapes all text)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

from generator.site.records import ArticleRecord

ATOM = "http://www.w3.org/2005/Atom"
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold (ElementTree escapes, but does not drop)."""
    return _NOT_XML.sub("", text)


def _stamp(record: ArticleRecord) -> str:
    assert record.date is not None
    return record.date.utc


def atom_feed(records_newest_first: list[ArticleRecord], *, site_name: str, site_url: str | None,
              feed_path: str, size: int) -> bytes:
    """Atom XML for the newest `size` dated articles; links are absolute when site_url is set."""
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    absolute = (lambda url: urljoin(base, url)) if base else (lambda url: url)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = _x(site_name)
    ET.SubElement(feed, f"{{{ATOM}}}id").text = absolute("") or "urn:news-archive:" + site_name
    ET.SubElement(feed, f"{{{ATOM}}}link", href=absolute(feed_path), rel="self")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=absolute("") or "./", rel="alternate")
    dated = [r for r in records_newest_first if r.date is not None][:size]
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(dated[0]) if dated else "1970-01-01T00:00:00Z"
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = _x(site_name)
    for record in dated:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = _x(record.title)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = absolute(record.url)
        ET.SubElement(entry, f"{{{ATOM}}}link", href=absolute(record.url), rel="alternate")
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(record)
        if record.summary:
            ET.SubElement(entry, f"{{{ATOM}}}summary").text = _x(record.summary)
        for name in record.topics:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=_x(name))
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def write_feed(site_dir: str, feed_path: str, data: bytes) -> Path:
    target = Path(site_dir) / feed_path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target
