"""Map elements whose rendered output reaches the page as text, never as a template.

branca's ``MacroElement.render`` wraps each rendered macro (header, html, script) in a new
``Element(template=text)``, which compiles the text as a Jinja template and renders it a second
time when the page is written. Our elements render data: a quote holding ``{{ … }}`` would be
evaluated (template injection: Jinja expressions can reach Python objects) and one holding
``{% raw %}`` would stop the write; compiling megabytes of event payload also costs about a
second per 100,000 events. :class:`LiteralMacroElement` renders the same macros into
:class:`Literal` elements instead; every element of our maps (ours and the folium ones we use,
through the thin subclasses below) renders that way.
"""

from __future__ import annotations

from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from folium import plugins

MACROS = ("header", "html", "script")


class Literal(Element):
    """Text that renders as itself."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Literal"
        self.text = text

    def render(self, **kwargs: Any) -> str:
        """The text, as given."""
        return self.text


def render_literal(element: MacroElement, **kwargs: Any) -> str:
    """Render ``element``'s macros into the page's parts as :class:`Literal` text, then its
    children: ``MacroElement.render`` without the second pass through Jinja. Returns "" (the
    element's text is in the page's parts, nothing stands in its place)."""
    figure = element.get_root()
    assert isinstance(figure, Figure), "add the element to a map before rendering it"
    macros = element._template.module.__dict__
    for part in MACROS:
        macro = macros.get(part)
        if macro is not None:
            text = Literal(macro(element, kwargs))
            getattr(figure, part).add_child(text, name=element.get_name())
    for child in element._children.values():
        child.render(**kwargs)
    return ""


class LiteralMacroElement(MacroElement):
    """A MacroElement rendered by :func:`render_literal`. As the last base of a folium class it
    sits just above ``MacroElement`` in the method order, so folium's own ``render`` steps
    (asset links, includes) still run first."""

    def render(self, **kwargs: Any) -> str:
        """See :func:`render_literal`."""
        return render_literal(self, **kwargs)


class TileLayer(folium.TileLayer, LiteralMacroElement):
    """folium's tile layer, rendered as text."""


class FeatureGroup(folium.FeatureGroup, LiteralMacroElement):
    """folium's feature group, rendered as text."""


class Fullscreen(plugins.Fullscreen, LiteralMacroElement):
    """folium's fullscreen button, rendered as text."""


class MeasureControl(plugins.MeasureControl, LiteralMacroElement):
    """folium's measure tool, rendered as text."""
