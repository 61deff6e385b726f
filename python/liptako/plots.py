"""Pictures of liptako results: a timeline of dated events and a co-occurrence network.

Every function returns a :class:`matplotlib.figure.Figure` built without pyplot (no
global state, works headless); in Jupyter a returned Figure displays as an image.
Needs matplotlib, networkx and pandas (``pip install 'liptako[notebook]'``).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, Dict, Iterable, Optional, Sequence, Tuple, Union

from ._document import Document
from .display import color_for
from .frames import Frames, timeline, to_frames

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx  # type: ignore[import-untyped]
    from matplotlib.figure import Figure

__all__ = ["timeline_figure", "cooccurrence_graph", "cooccurrence_figure", "top_entities_figure"]


def _figure(figsize: Tuple[float, float]) -> "Figure":
    from matplotlib.figure import Figure
    return Figure(figsize=figsize, layout="constrained")


def timeline_figure(docs_or_frame: Any, *, title: str = "Dated events",
                    figsize: Tuple[float, float] = (10, 4.5)) -> "Figure":
    """Events over time: one row per event type, one marker per event (size by
    the number of mentions). Accepts documents, :class:`Frames`, an events frame or a
    :func:`liptako.timeline` frame. Events without a calendar date are not drawn;
    the title says how many."""
    import matplotlib.dates as mdates
    import pandas as pd  # type: ignore[import-untyped]

    if isinstance(docs_or_frame, pd.DataFrame) and "when" in docs_or_frame.columns:
        tl = docs_or_frame
    else:
        tl = timeline(docs_or_frame)
    fig = _figure(figsize)
    ax = fig.add_subplot()
    dated = tl[tl["when"].notna()]
    undated = len(tl) - len(dated)
    types = sorted(dated["type"].unique()) if len(dated) else []
    for y, etype in enumerate(types):
        part = dated[dated["type"] == etype]
        ax.scatter(part["when"], [y] * len(part), s=60, alpha=0.75,
                   color=f"C{y % 10}", edgecolor="black", linewidth=0.5, zorder=3)
        for when, who in zip(part["when"], part["participants"]):
            first = (who or "").split(";")[0].split(" (")[0]
            if first:
                ax.annotate(first, (when, y), xytext=(4, 6), textcoords="offset points",
                            fontsize=7, alpha=0.8)
    ax.set_yticks(range(len(types)))
    ax.set_yticklabels(types)
    if types:
        ax.set_ylim(-0.7, len(types) - 0.3)
        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    else:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center",
                transform=ax.transAxes)
    ax.grid(axis="x", alpha=0.3)
    suffix = f" ({len(dated)} dated; {undated} without a calendar date not shown)"
    ax.set_title(title + suffix, fontsize=10)
    return fig


def _frames_of(docs: Any) -> Frames:
    if isinstance(docs, Frames):
        return docs
    return to_frames(docs)


def cooccurrence_graph(docs: Union[Frames, Document, Iterable[Any]], *,
                       labels: Optional[Sequence[str]] = None, by: str = "sentence",
                       min_count: int = 1, keep_isolated: bool = False) -> "nx.Graph":
    """Entities appearing together: nodes are entity ids (attributes ``name``,
    ``label``, ``mentions``, ``documents``), an edge joins two entities that appear
    in the same sentence (``by="sentence"``) or document (``by="document"``);
    its ``weight`` is the number of such sentences/documents. Edges with weight
    below ``min_count`` are dropped, then nodes left without edges unless
    ``keep_isolated``. ``labels`` keeps only some entity labels."""
    import networkx as nx

    if by not in ("sentence", "document"):
        raise ValueError("by must be 'sentence' or 'document'")
    ents = _frames_of(docs).entities
    if labels is not None:
        ents = ents[ents["label"].isin(list(labels))]
    g = nx.Graph()
    for (eid, label), part in ents.groupby(["id", "label"], sort=True):
        g.add_node(eid, name=str(part["name"].iloc[0]), label=label, mentions=len(part),
                   documents=int(part["doc"].nunique()))
    keys = ["doc", "sentence"] if by == "sentence" else ["doc"]
    weights: Dict[Tuple[str, str], int] = {}
    for _, part in ents.groupby(keys, sort=False):
        ids = sorted(set(part["id"]))
        for a, b in itertools.combinations(ids, 2):
            weights[(a, b)] = weights.get((a, b), 0) + 1
    for (a, b), w in weights.items():
        if w >= min_count:
            g.add_edge(a, b, weight=w)
    if not keep_isolated:
        g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0])
    return g


def cooccurrence_figure(docs: Any, *, labels: Optional[Sequence[str]] = None,
                        by: str = "sentence", min_count: int = 1, top: Optional[int] = 40,
                        title: Optional[str] = None, seed: int = 7,
                        figsize: Tuple[float, float] = (10, 8)) -> "Figure":
    """The co-occurrence network drawn with matplotlib: node colour by label, size
    by mentions, edge width by weight; ``top`` keeps the most connected nodes.
    ``docs`` may also be a graph from :func:`cooccurrence_graph`."""
    import networkx as nx

    g = docs if isinstance(docs, nx.Graph) else cooccurrence_graph(
        docs, labels=labels, by=by, min_count=min_count)
    if top is not None and g.number_of_nodes() > top:
        strength = dict(g.degree(weight="weight"))
        keep = sorted(g.nodes, key=lambda n: (-strength[n], n))[:top]
        g = g.subgraph(keep).copy()
        g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0])
    fig = _figure(figsize)
    ax = fig.add_subplot()
    ax.set_axis_off()
    if g.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no co-occurring entities", ha="center", va="center",
                transform=ax.transAxes)
        return fig
    pos = nx.spring_layout(g, seed=seed, weight="weight", k=1.2 / max(1, len(g)) ** 0.5)
    widths = [0.6 + 1.2 * g.edges[e]["weight"] ** 0.5 for e in g.edges]
    nx.draw_networkx_edges(g, pos, ax=ax, width=widths, alpha=0.35, edge_color="#555")
    node_labels = [g.nodes[n].get("label", "") for n in g.nodes]
    nx.draw_networkx_nodes(g, pos, ax=ax, node_color=[color_for(lab) for lab in node_labels],
                           node_size=[120 + 60 * g.nodes[n].get("mentions", 1) for n in g.nodes],
                           edgecolors="#333", linewidths=0.6)
    nx.draw_networkx_labels(g, pos, ax=ax, font_size=8,
                            labels={n: g.nodes[n].get("name", n) for n in g.nodes})
    from matplotlib.patches import Patch
    present = sorted(set(node_labels))
    ax.legend(handles=[Patch(facecolor=color_for(lab), edgecolor="#333", label=lab)
                       for lab in present], loc="lower left", fontsize=8, frameon=False)
    ax.set_title(title or f"Who appears with whom (same {by}; {g.number_of_nodes()} entities, "
                 f"{g.number_of_edges()} links)", fontsize=10)
    return fig


def top_entities_figure(frames: Any, n: int = 10, *,
                        figsize: Tuple[float, float] = (10, 5)) -> "Figure":
    """Bar charts of the ``n`` most mentioned entities of each label."""
    f = _frames_of(frames)
    top = f.top_entities(n)
    labels = list(dict.fromkeys(top["label"]))
    fig = _figure(figsize)
    if not labels:
        fig.add_subplot().text(0.5, 0.5, "no entities", ha="center", va="center")
        return fig
    axes = fig.subplots(1, len(labels), squeeze=False)[0]
    for ax, label in zip(axes, labels):
        part = top[top["label"] == label].iloc[::-1]
        ax.barh(part["name"], part["mentions"], color=color_for(label), edgecolor="#333")
        ax.set_title(label, fontsize=10)
        ax.tick_params(axis="y", labelsize=8)
    return fig
