"""What the backpropagation canvas draws at one stage, as plain data (Qt-free).

``graph_scene`` turns a ``core.autograd.Graph`` and a stage index into nodes laid out by
depth (inputs on the left, the output on the right) and edges carrying the forward value
above and the gradient below; ``network_scene`` does the same for a ``Walkthrough`` of a
small network (neurons in layers, weights on the edges). The canvas paints a ``Scene``;
tests read it back.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from core.autograd import fmt
from core.autograd_replay import Graph
from desktop.tabs.backprop.walkthrough import Walkthrough, fmt_change

_OP_SYMBOL = {"+": "+", "-": "−", "*": "×", "/": "÷", "neg": "−x", "exp": "exp", "log": "ln",
              "sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "max": "max", "square": "x²"}
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


@dataclass
class SceneNode:
    """A node at layout position (x = column, y = row). kind: "op", "leaf", "data", "const",
    "end" (the output's stub), "input", "neuron", "loss", "target"."""

    key: str
    x: float
    y: float
    kind: str
    symbol: str
    name: str = ""
    value: str = ""
    grad: str = ""
    extra: str = ""
    active: bool = False


@dataclass
class SceneEdge:
    """An edge src -> dst: ``value`` (forward, above), ``grad`` (backward, below), ``param``
    (a weight's name and value, above), drawn at fraction ``at`` along the edge."""

    src: str
    dst: str
    value: str = ""
    grad: str = ""
    param: str = ""
    active: bool = False
    at: float = 0.5


@dataclass
class Scene:
    """Everything drawn at one stage. ``kind`` is the stage kind; ``role`` "forward",
    "backward" or "neutral" picks the caption colour; ``args`` feed the translated heading
    (step, count, name, op, iteration, loss, previous_loss); ``lines`` the arithmetic."""

    nodes: list[SceneNode]
    edges: list[SceneEdge]
    kind: str
    role: str
    lines: tuple[str, ...]
    args: dict = field(default_factory=dict)

    def node(self, key: str) -> SceneNode:
        for n in self.nodes:
            if n.key == key:
                return n
        raise KeyError(key)

    def edge(self, src: str, dst: str) -> SceneEdge:
        for e in self.edges:
            if e.src == src and e.dst == dst:
                return e
        raise KeyError((src, dst))


# --- computational graphs -------------------------------------------------------------------
def graph_layout(graph: Graph) -> list[tuple[float, float]]:
    """(column, row) per node: columns by depth (an operation one right of its deepest
    operand; an input one left of its first user); rows like a tidy tree (an operation at
    the mean row of its operands), then pushed apart within each column."""
    n = len(graph.nodes)
    col = [0.0] * n
    for i in range(n):
        if graph.children[i]:
            col[i] = 1.0 + max(col[c] for c in graph.children[i])
    for i in range(n):
        if not graph.children[i] and graph.parents[i]:
            # an input sits just left of its first user (boxes are narrow; edges slant)
            col[i] = max(0.2, min(col[p] for p, _s in graph.parents[i]) - 0.85)
    row: dict[int, float] = {}
    next_row = [0.0]

    def place(i: int) -> float:
        if i in row:
            return row[i]
        kids = graph.children[i]
        if not kids:
            row[i] = next_row[0]
            next_row[0] += 1.0
            return row[i]
        real = [c for c in kids if not graph.nodes[c].constant]
        ys = [place(c) for c in real]
        row[i] = sum(ys) / len(ys) if ys else next_row[0]
        for c in kids:
            if graph.nodes[c].constant and c not in row:
                row[c] = row[i] + 0.75
        return row[i]

    place(n - 1)
    for c in sorted(set(col)):
        members = sorted((row[i], i) for i in range(n) if col[i] == c)
        last = None
        for y, i in members:
            if last is not None and y < last + 0.7:
                y = last + 0.7
            row[i] = y
            last = y
    top = min(row.values())
    left = min(col)
    return [(col[i] - left, row[i] - top) for i in range(n)]


def _op_symbol(graph: Graph, i: int) -> str:
    v = graph.nodes[i]
    if v.op == "**":
        if v.exponent == -1.0:
            return "1/x"
        n = v.exponent
        return "x" + (str(int(n)).translate(_SUPERSCRIPT) if n.is_integer() else f"^{fmt(n)}")
    if v.op == "sqerr":
        a, b = (graph.names[c] for c in graph.children[i])
        return f"½({a}−{b})²"
    return _OP_SYMBOL[v.op]


def graph_scene(graph: Graph, k: int, layout=None) -> Scene:
    """The computational graph after stage ``k``."""
    layout = layout or graph_layout(graph)
    snap = graph.snapshot(k)
    stage = snap.stage
    out = len(graph.nodes) - 1
    nodes, edges = [], []
    for i, v in enumerate(graph.nodes):
        x, y = layout[i]
        if v.children:
            kind, symbol, name = "op", _op_symbol(graph, i), graph.names[i]
            if name == f"n{i}" or i == len(graph.nodes) - 1:
                name = ""  # unnamed, or the output (its name ends the graph on the right)
        else:
            kind = "const" if v.constant else ("leaf" if graph.needs_grad[i] else "data")
            symbol, name = graph.names[i], ""
        node = SceneNode(f"n{i}", x, y, kind, symbol, name)
        if not v.children and len(graph.parents[i]) > 1 and i in snap.node_grads:
            node.grad = "Σ " + fmt(snap.node_grads[i])
        nodes.append(node)
        for slot, c in enumerate(graph.children[i]):
            e = SceneEdge(f"n{c}", f"n{i}")
            if c in snap.values and not graph.nodes[c].constant:
                e.value = fmt(graph.nodes[c].data)
            g = snap.edge_grads.get((c, i, slot))
            if g is not None:
                e.grad = fmt(g)
            edges.append(e)
    ox, oy = layout[out]
    nodes.append(SceneNode("end", ox + 0.7, oy, "end", "", graph.names[out]))
    end = SceneEdge(f"n{out}", "end")
    if out in snap.values:
        end.value = fmt(graph.output.data)
    if out in snap.node_grads:
        end.grad = "1"
    edges.append(end)

    args = {"count": len(graph.stages) - 1, "step": k}
    role = "neutral"
    if stage.kind == "forward":
        role = "forward"
        nodes[stage.node].active = True
        for e in edges:
            e.active = e.dst == f"n{stage.node}"
        args.update(name=graph.names[stage.node], op=graph.nodes[stage.node].op)
    elif stage.kind == "seed":
        role = "backward"
        nodes[out].active = True
        end.active = True
        args.update(name=graph.names[out])
    elif stage.kind == "backward":
        role = "backward"
        nodes[stage.child].active = True
        for e in edges:
            e.active = (e.src, e.dst) == (f"n{stage.child}", f"n{stage.node}")
        args.update(name=graph.names[stage.child], op=graph.nodes[stage.node].op,
                    parent=graph.names[stage.node])
    elif stage.kind == "done":
        role = "backward"
        for i in graph.leaves:
            nodes[i].active = graph.needs_grad[i]
    return Scene(nodes, edges, stage.kind, role, stage.lines, args)


# --- networks -------------------------------------------------------------------------------
def network_layout(sizes) -> dict[str, tuple[float, float]]:
    """Units in columns (inputs, hidden.., outputs), the loss J one column further right and
    the targets above and below it."""
    height = max(sizes) - 1
    pos = {}
    for layer, n in enumerate(sizes):
        top = (height - (n - 1)) / 2
        for j in range(n):
            pos[f"u{layer}.{j}"] = (float(layer), top + j)
    mid = height / 2
    last = len(sizes) - 1
    pos["J"] = (last + 0.9, mid)
    k_out = sizes[-1]
    for k in range(k_out):
        below = k_out == 1 or k >= k_out / 2
        pos[f"y{k}"] = (last + 0.9, mid + (0.8 if below else -0.8))
    return pos


def _label_at(y_src: float, y_dst: float) -> float:
    if abs(y_src - y_dst) < 1e-9:
        return 0.5
    return 0.3 if y_dst > y_src else 0.7


def network_scene(walk: Walkthrough, position: int) -> Scene:
    """The network after flat stage ``position`` (iteration · stages per iteration + stage)."""
    it, s = walk.locate(position)
    plan = walk.plan
    stage = plan[s]
    g = walk.graph(it)
    sizes = walk.sizes
    last = len(sizes) - 2
    pos = network_layout(sizes)

    def reached(kind, layer=-1, unit=-1) -> bool:
        for idx, st in enumerate(plan):
            if st.kind == kind and (layer < 0 or st.layer == layer) and (unit < 0 or
                                                                          st.unit == unit):
                return idx <= s
        return False

    nodes: list[SceneNode] = []
    edges: list[SceneEdge] = []
    for i, xv in enumerate(g.x):
        x, y = pos[f"u0.{i}"]
        nodes.append(SceneNode(f"u0.{i}", x, y, "input", xv.label, value=fmt(xv.data)))
    for layer in range(len(sizes) - 1):
        updated = reached("update", layer)
        for j in range(sizes[layer + 1]):
            key = f"u{layer + 1}.{j}"
            x, y = pos[key]
            node = SceneNode(key, x, y, "neuron", walk.unit_name(layer, j))
            if reached("forward", layer, j):
                node.value = fmt(g.post[layer][j].data)
            if reached("delta", layer, j):
                node.grad = f"δ{_sub(walk.unit_number(layer, j))} = {fmt(g.pre[layer][j].grad)}"
            b = g.biases[layer][j]
            new_b = b.data - walk.learning_rate * b.grad
            node.extra = (f"{b.label} {fmt(b.data)} → {fmt_change(b.data, new_b)}" if updated
                          else f"{b.label} = {fmt(b.data)}")
            nodes.append(node)
            for i in range(sizes[layer]):
                w = g.weights[layer][i][j]
                src = f"u{layer}.{i}"
                e = SceneEdge(src, key, at=_label_at(pos[src][1], y))
                if updated:
                    new = w.data - walk.learning_rate * w.grad
                    e.param = f"{w.label} {fmt(w.data)} → {fmt_change(w.data, new)}"
                else:
                    e.param = f"{w.label} = {fmt(w.data)}"
                if reached("grads", layer, j):
                    e.grad = fmt(w.grad)
                edges.append(e)
    jx, jy = pos["J"]
    loss = SceneNode("J", jx, jy, "loss", "J")
    if reached("loss"):
        loss.value = fmt(g.loss.data, 4)
    nodes.append(loss)
    for k in range(sizes[-1]):
        src = f"u{last + 1}.{k}"
        e = SceneEdge(src, "J")
        if reached("delta", last, k):
            e.grad = fmt(g.post[last][k].grad)
        edges.append(e)
        tx, ty = pos[f"y{k}"]
        yv = g.y[k]
        nodes.append(SceneNode(f"y{k}", tx, ty, "target", f"{yv.label} = {fmt(yv.data)}"))
        edges.append(SceneEdge(f"y{k}", "J"))

    by_key = {n.key: n for n in nodes}
    role = {"forward": "forward", "loss": "forward", "delta": "backward", "grads": "backward",
            "update": "backward"}.get(stage.kind, "neutral")
    args = {"iteration": it + 1, "step": s, "count": walk.per_iteration - 1}
    if stage.kind in ("forward", "delta", "grads"):
        key = f"u{stage.layer + 1}.{stage.unit}"
        by_key[key].active = True
        args.update(name=walk.unit_name(stage.layer, stage.unit),
                    hidden=stage.layer < last)
        for e in edges:
            if stage.kind in ("forward", "grads"):
                e.active = e.dst == key
            elif stage.layer == last:
                e.active = e.src == key and e.dst == "J"
            else:
                e.active = e.src == key
    elif stage.kind == "loss":
        by_key["J"].active = True
        for e in edges:
            e.active = e.dst == "J"
        args["loss"] = fmt(g.loss.data, 4)
        if it > 0:
            args["previous_loss"] = fmt(walk.graph(it - 1).loss.data, 4)
    elif stage.kind == "update":
        args.update(hidden=stage.layer < last, learning_rate=fmt(walk.learning_rate))
        for e in edges:
            e.active = e.dst.startswith(f"u{stage.layer + 1}.")
    return Scene(nodes, edges, stage.kind, role, walk.lines(position), args)


def _sub(i: int) -> str:
    return str(i).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))
