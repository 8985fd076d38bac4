"""Generate every Stretch Guide illustration from the pose data in poses.py.

Usage: python media/src/render.py   (writes media/stretches, media/actions, media/bodymap)

One figure, one style: rounded thick strokes, a neutral body colour, far-side
limbs a lighter tone, a single accent colour for the muscle being worked and
light-grey props.  Plain SVG 1.1 that Qt's QSvgRenderer understands.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from model import Highlight, Limb, Pose, Prop
from poses import ACTIONS, STRETCHES

MEDIA = Path(__file__).resolve().parent.parent
W, H = 400, 300

BODY = "#4a5563"
FAR = "#98a1ae"
ACCENT = "#e4572e"
HALO = "#ffffff"
PROP_FILL = "#e8ebef"
PROP_LINE = "#b9c0ca"
ARROW = "#8a94a3"

# Segment lengths (user units) - the same proportions in every picture.
LEN = {
    "trunk_lo": 38.0,
    "trunk_hi": 38.0,
    "neck": 8.0,
    "head_r": 16.0,
    "thigh": 58.0,
    "shin": 56.0,
    "foot": 25.0,
    "upper": 44.0,
    "fore": 40.0,
    "hand": 13.0,
}
WIDTH = {
    "trunk_lo": 29.0,
    "trunk_hi": 32.0,
    "neck": 12.0,
    "thigh": 17.0,
    "shin": 14.0,
    "foot": 10.0,
    "upper": 13.0,
    "fore": 11.0,
    "hand": 10.0,
}
HALO_W = 5.0

Pt = tuple[float, float]


def fmt(v: float) -> str:
    s = f"{v:.1f}"
    if s.endswith(".0"):
        s = s[:-2]
    return "0" if s == "-0" else s


def pts(*ps: Pt) -> str:
    return " ".join(f"{fmt(x)},{fmt(y)}" for x, y in ps)


def vec(angle: float, length: float = 1.0) -> Pt:
    r = math.radians(angle)
    return (math.sin(r) * length, math.cos(r) * length)


def add(p: Pt, angle: float, length: float) -> Pt:
    v = vec(angle, length)
    return (p[0] + v[0], p[1] + v[1])


def compass(a: Pt, b: Pt) -> float:
    return math.degrees(math.atan2(b[0] - a[0], b[1] - a[1]))


def dist(a: Pt, b: Pt) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def ik(root: Pt, target: Pt, l1: float, l2: float, bend: int) -> tuple[float, float]:
    """Two-bone inverse kinematics; returns (upper, lower) compass angles."""
    d = min(max(dist(root, target), abs(l1 - l2) + 0.01), l1 + l2 - 0.01)
    base = compass(root, target)
    cos_a = (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)
    alpha = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
    upper = base + bend * alpha
    mid = add(root, upper, l1)
    end = add(root, base, d)
    return upper, compass(mid, end)


# --------------------------------------------------------------------------- SVG


class Svg:
    def __init__(self, title: str, view: tuple[float, float] = (W, H)) -> None:
        self.title = title
        self.view = view
        self.parts: list[str] = []

    def add(self, s: str) -> None:
        self.parts.append(s)

    def line(self, a: Pt, b: Pt, color: str, width: float, extra: str = "") -> None:
        self.add(
            f'<line x1="{fmt(a[0])}" y1="{fmt(a[1])}" x2="{fmt(b[0])}" y2="{fmt(b[1])}" '
            f'stroke="{color}" stroke-width="{fmt(width)}"{extra}/>'
        )

    def poly(self, ps: list[Pt], color: str, width: float) -> None:
        self.add(f'<polyline points="{pts(*ps)}" stroke="{color}" stroke-width="{fmt(width)}"/>')

    def circle(self, c: Pt, r: float, fill: str, extra: str = "") -> None:
        self.add(f'<circle cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="{fmt(r)}" fill="{fill}"{extra}/>')

    def text(self) -> str:
        vw, vh = self.view
        body = "\n".join(self.parts)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{fmt(vw)}" '
            f'height="{fmt(vh)}" viewBox="0 0 {fmt(vw)} {fmt(vh)}">\n'
            f"<title>{self.title}</title>\n{body}\n</svg>\n"
        )


# ----------------------------------------------------------------------- figure


class Figure:
    """Joint positions and drawable segments for one pose."""

    def __init__(self, pose: Pose) -> None:
        self.pose = pose
        self.front = pose.view in ("front", "back")  # a back view is a mirrored front view
        self.seg: dict[str, tuple[Pt, Pt, float]] = {}
        self.j: dict[str, Pt] = {}
        self.limbs: dict[str, list[tuple[str, Pt, Pt, float]]] = {}
        self._build()

    def _build(self) -> None:
        p = self.pose
        t0, t1 = p.trunk
        tscale = p.extra.get("trunk_scale", 1.0)
        hip = p.hip
        waist = add(hip, t0, LEN["trunk_lo"] * tscale)
        sh = add(waist, t1, LEN["trunk_hi"] * tscale)
        ha = p.head if p.head is not None else t1
        head = add(sh, ha, LEN["neck"] + LEN["head_r"] - 1)
        self.j.update(hip=hip, waist=waist, shoulder=sh, head=head)
        self.head_angle = ha
        self.seg["trunk_lo"] = (waist, hip, WIDTH["trunk_lo"])
        self.seg["trunk_hi"] = (sh, waist, WIDTH["trunk_hi"])
        self.seg["neck"] = (add(sh, ha, LEN["neck"] + 4), sh, WIDTH["neck"])
        if self.front:
            sw = 21.0 * p.twist
            roots_arm = {
                "n": add(add(sh, t1 - 90, sw), t1, -5),
                "f": add(add(sh, t1 + 90, sw), t1, -5),
            }
            roots_leg = {"n": add(hip, t0 - 90, 11), "f": add(hip, t0 + 90, 11)}
            self.j.update(sh_n=add(sh, t1 - 90, sw), sh_f=add(sh, t1 + 90, sw))
            self.j.update(hip_n=roots_leg["n"], hip_f=roots_leg["f"])
        elif "chest_front" in p.extra:  # side-view hips, chest turned to face the viewer
            sw = p.extra["chest_front"]
            roots_arm = {
                "n": add(add(sh, t1 + 90, sw), t1, -5),
                "f": add(add(sh, t1 - 90, sw), t1, -5),
            }
            roots_leg = {"n": hip, "f": hip}
            self.j.update(sh_n=add(sh, t1 + 90, sw), sh_f=add(sh, t1 - 90, sw))
        else:
            roots_arm = {"n": add(sh, t1, -6), "f": add(sh, t1, -6)}
            roots_leg = {"n": hip, "f": hip}
        for side, limb in zip("nf", p.legs, strict=True):
            self._limb(f"leg_{side}", side, limb, roots_leg[side], ("thigh", "shin", "foot"))
        for side, limb in zip("nf", p.arms, strict=True):
            self._limb(f"arm_{side}", side, limb, roots_arm[side], ("upper", "fore", "hand"))

    def _limb(self, key: str, side: str, limb: Limb, root: Pt, names: tuple[str, ...]) -> None:
        n1, n2, n3 = names
        l1, l2 = LEN[n1] * limb.fore[0], LEN[n2] * limb.fore[1]
        if limb.target is not None:
            a1, a2 = ik(root, limb.target, l1, l2, limb.bend)
        elif limb.angles is not None:
            a1, a2 = limb.angles
        else:
            a1, a2 = 0.0, 0.0
        mid = add(root, a1, l1)
        end = add(mid, a2, l2)
        is_leg = n1 == "thigh"
        if limb.end is not None:
            ea = limb.end
        elif is_leg:
            ea = (35.0 if side == "n" else -35.0) if self.front else 90.0
        else:
            ea = a2
        if is_leg:
            if self.front:
                p0, p1 = end, add(end, ea, 9)
            else:
                heel = add(add(end, ea - 90, 6), ea, -4)
                p0, p1 = heel, add(heel, ea, LEN["foot"])
        else:
            big = self.pose.extra.get("big_hands", 0.0)
            scale = (big if big > 1 else 1.45) if big else 1.0
            if side == "f" and "far_hand" in self.pose.extra:
                scale = self.pose.extra["far_hand"]
            p0, p1 = end, add(end, ea, LEN["hand"] * scale)
        segs = [
            (n1, root, mid, WIDTH[n1]),
            (n2, mid, end, WIDTH[n2]),
            (n3, p0, p1, WIDTH[n3] * (1.0 if is_leg else self.pose.extra.get("hand_w", 1.0))),
        ]
        if not limb.hidden:
            self.limbs[key] = segs
        for name, a, b, w in segs:
            self.seg[f"{name}_{side}"] = (a, b, w)
        j1, j2, j3 = ("hip", "knee", "ankle") if is_leg else ("sh", "elbow", "wrist")
        self.j[f"{j1}_{side}"] = root
        self.j[f"{j2}_{side}"] = mid
        self.j[f"{j3}_{side}"] = end
        self.j[f"tip_{key}"] = p1
        self.j[f"base_{key}"] = p0


def draw_limb(svg: Svg, segs: list[tuple[str, Pt, Pt, float]], color: str) -> None:
    for _, a, b, w in segs:
        svg.line(a, b, HALO, w + HALO_W)
    for _, a, b, w in segs:
        svg.line(a, b, color, w)


def draw_trunk(svg: Svg, fig: Figure) -> None:
    p = fig.pose
    j = fig.j
    if fig.front:
        sn, sf = j["sh_n"], j["sh_f"]
        hn, hf = j["hip_n"], j["hip_f"]
        waist = j["waist"]
        t1 = p.trunk[1]
        wn, wf = add(waist, t1 - 90, 9), add(waist, t1 + 90, 9)
        shape = [sn, wn, hn, hf, wf, sf]
        svg.add(
            f'<polygon points="{pts(*shape)}" fill="{BODY}" stroke="{HALO}" '
            f'stroke-width="{fmt(12 + HALO_W)}"/>'
        )
        svg.add(
            f'<polygon points="{pts(*shape)}" fill="{BODY}" stroke="{BODY}" stroke-width="12"/>'
        )
        svg.line(j["shoulder"], fig.seg["neck"][0], BODY, WIDTH["neck"])
    elif "chest_front" in p.extra:
        a, b, w = fig.seg["trunk_lo"]
        t1 = p.trunk[1]
        shape = [j["sh_n"], add(a, t1 + 90, 8), add(a, t1 - 90, 8), j["sh_f"]]
        svg.line(b, a, HALO, w + HALO_W)
        svg.add(
            f'<polygon points="{pts(*shape)}" fill="{BODY}" stroke="{HALO}" '
            f'stroke-width="{fmt(12 + HALO_W)}"/>'
        )
        svg.line(b, a, BODY, w)
        svg.add(
            f'<polygon points="{pts(*shape)}" fill="{BODY}" stroke="{BODY}" stroke-width="12"/>'
        )
        nk = fig.seg["neck"]
        svg.line(nk[1], nk[0], BODY, nk[2])
    else:
        a, b, w = fig.seg["trunk_lo"]
        c, _, w2 = fig.seg["trunk_hi"]
        svg.poly([b, a, c], HALO, w2 + HALO_W)
        svg.line(b, a, BODY, w)
        svg.line(a, c, BODY, w2)
        nk = fig.seg["neck"]
        svg.line(nk[1], nk[0], BODY, nk[2])


def draw_head(svg: Svg, fig: Figure) -> None:
    c = fig.j["head"]
    r = LEN["head_r"]
    svg.circle(c, r + HALO_W / 2, HALO)
    svg.circle(c, r, BODY)
    if fig.front or "chest_front" in fig.pose.extra:
        if fig.pose.face and fig.pose.view != "back":  # no face seen from behind
            f = fig.pose.face
            nose = (c[0] + f * (r + 1), c[1] + 3)
            svg.circle(nose, 4.5 + HALO_W / 2, HALO)
            svg.circle(c, r, BODY)
            svg.circle(nose, 4.5, BODY)
    else:
        svg.circle(add(c, fig.head_angle - 100, r - 2), 4.5, BODY)


def draw_highlight(svg: Svg, fig: Figure, h: Highlight) -> None:
    a, b, w = fig.seg[h.part]
    length = max(dist(a, b), 8.0)
    ang = compass(a, b)
    c = (a[0] + (b[0] - a[0]) * h.t, a[1] + (b[1] - a[1]) * h.t)
    off = h.side * max(w / 2 - h.width * 0.25, 0)
    c = add(c, ang + 90, off)
    rot = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
    rx, ry = h.size * length / 2, h.width / 2
    tr = f' transform="rotate({fmt(rot)} {fmt(c[0])} {fmt(c[1])})"'
    svg.add(
        f'<ellipse cx="{fmt(c[0])}" cy="{fmt(c[1])}" rx="{fmt(rx + 4)}" ry="{fmt(ry + 4)}" '
        f'fill="{ACCENT}" fill-opacity="0.3"{tr}/>'
    )
    svg.add(
        f'<ellipse cx="{fmt(c[0])}" cy="{fmt(c[1])}" rx="{fmt(rx)}" ry="{fmt(ry)}" '
        f'fill="{ACCENT}"{tr}/>'
    )


PALM = "#e3e7ec"


def draw_hand_face(svg: Svg, fig: Figure, side: str, seen: int) -> None:
    """A hand seen flat: +1 the palm towards the viewer (light face), -1 its back (dark)."""
    a, b, w = fig.seg[f"hand_{side}"]
    ang = compass(a, b)
    length = dist(a, b)
    color = BODY if side == "n" or fig.front else FAR
    if seen > 0:
        inner = w - 6
        svg.line(add(a, ang, inner / 2 + 2), add(b, ang, -inner / 2 + 1), PALM, inner)
        for k in (-1, 1):  # two finger gaps towards the tip
            off = k * inner / 6
            svg.line(
                add(add(a, ang, length * 0.62), ang + 90, off),
                add(add(b, ang, -1), ang + 90, off),
                color,
                1.6,
            )


def draw_palm(svg: Svg, fig: Figure, side: str, sign: int) -> None:
    a, b, w = fig.seg[f"hand_{side}"]
    ang = compass(a, b)
    pw = max(4.0, w * 0.4)
    off = sign * (w / 2 - pw / 2 + 0.5)
    svg.line(add(add(a, ang, 3), ang + 90, off), add(add(b, ang, -1), ang + 90, off), PALM, pw)


# ------------------------------------------------------------------------ props


def arrow_head(svg: Svg, tip: Pt, ang: float) -> None:
    """Filled arrow head at tip pointing along compass angle ang."""
    p1 = add(add(tip, ang, -11), ang + 90, 6.5)
    p2 = add(add(tip, ang, -11), ang - 90, 6.5)
    svg.add(f'<polygon points="{pts(tip, p1, p2)}" fill="{ARROW}"/>')


def draw_prop(svg: Svg, pr: Prop, fig: Figure) -> None:
    a = pr.args
    k = pr.kind
    floor = 284.0
    grey = f'fill="{PROP_FILL}" stroke="{PROP_LINE}" stroke-width="3"'
    if k == "floor":
        x0, x1 = (a[0], a[1]) if a else (24.0, 376.0)
        y = a[2] if len(a) > 2 else floor
        svg.line((x0, y), (x1, y), PROP_LINE, 4)
    elif k == "wall":  # x, top  (side view: a wall seen edge-on)
        x, top = a[0], a[1] if len(a) > 1 else 20.0
        svg.add(
            f'<rect x="{fmt(x)}" y="{fmt(top)}" width="16" height="{fmt(floor - top)}" {grey}/>'
        )
    elif k == "backwall":  # x0, x1, top[, base]: a wall behind the figure, seen face-on
        x0, x1, top = a[:3]
        base = a[3] if len(a) > 3 else floor  # a base above the floor line sets it further back
        svg.add(
            f'<rect x="{fmt(x0)}" y="{fmt(top)}" width="{fmt(x1 - x0)}" '
            f'height="{fmt(base - top)}" fill="#f1f3f5" stroke="{PROP_FILL}" stroke-width="3"/>'
        )
        svg.line((x0, base - 8), (x1, base - 8), PROP_FILL, 6)
    elif k == "chair":  # x of the back edge, facing (+1 opens right), seat y
        x, facing = a[0], a[1]
        seat = a[2] if len(a) > 2 else 226.0
        depth = 56.0
        x1 = x + facing * depth
        lw = f'stroke="{PROP_LINE}" stroke-width="6" fill="none"'
        top = seat - 80 if len(a) < 4 or a[3] else seat
        svg.add(
            f'<path d="M{fmt(x)},{fmt(top)} L{fmt(x)},{fmt(floor)} '
            f'M{fmt(x1)},{fmt(seat)} L{fmt(x1)},{fmt(floor)}" {lw}/>'
        )
        svg.add(
            f'<rect x="{fmt(min(x, x1) - 3)}" y="{fmt(seat)}" width="{fmt(depth + 6)}" '
            f'height="9" rx="3" {grey}/>'
        )
        if len(a) < 4 or a[3]:  # backrest (a stool has none)
            svg.add(
                f'<rect x="{fmt(x - 5)}" y="{fmt(seat - 84)}" width="10" height="40" rx="4" '
                f"{grey}/>"
            )
    elif k == "chair_front":  # cx, seat y: a chair seen from the front
        cx = a[0]
        seat = a[1] if len(a) > 1 else 226.0
        lw = f'stroke="{PROP_LINE}" stroke-width="6"'
        svg.add(
            f'<rect x="{fmt(cx - 34)}" y="{fmt(seat - 86)}" width="68" height="50" rx="6" {grey}/>'
        )
        svg.add(
            f'<path d="M{fmt(cx - 28)},{fmt(seat - 36)}L{fmt(cx - 28)},{fmt(seat)}'
            f'M{fmt(cx + 28)},{fmt(seat - 36)}L{fmt(cx + 28)},{fmt(seat)}" {lw}/>'
        )
        svg.add(
            f'<path d="M{fmt(cx - 30)},{fmt(seat)}L{fmt(cx - 32)},{fmt(floor)}'
            f'M{fmt(cx + 30)},{fmt(seat)}L{fmt(cx + 32)},{fmt(floor)}" {lw}/>'
        )
        svg.add(f'<rect x="{fmt(cx - 40)}" y="{fmt(seat)}" width="80" height="10" rx="3" {grey}/>')
    elif k == "step":  # x, width, height
        x, w, h = a
        svg.add(
            f'<rect x="{fmt(x)}" y="{fmt(floor - h)}" width="{fmt(w)}" height="{fmt(h)}" '
            f'rx="3" {grey}/>'
        )
    elif k == "mat":  # x0, x1 (side view), or x0, y0, x1, y1 seen from above
        if len(a) == 2:
            svg.add(
                f'<rect x="{fmt(a[0])}" y="{fmt(floor - 5)}" width="{fmt(a[1] - a[0])}" '
                f'height="7" rx="3" {grey}/>'
            )
        else:
            svg.add(
                f'<rect x="{fmt(a[0])}" y="{fmt(a[1])}" width="{fmt(a[2] - a[0])}" '
                f'height="{fmt(a[3] - a[1])}" rx="10" {grey}/>'
            )
    elif k == "bed":  # x0, x1, top
        x0, x1, top = a
        svg.add(
            f'<path d="M{fmt(x0 + 8)},{fmt(top)}L{fmt(x0 + 8)},{fmt(floor)}'
            f'M{fmt(x1 - 8)},{fmt(top)}L{fmt(x1 - 8)},{fmt(floor)}" '
            f'stroke="{PROP_LINE}" stroke-width="6"/>'
        )
        svg.add(
            f'<rect x="{fmt(x0)}" y="{fmt(top)}" width="{fmt(x1 - x0)}" height="24" rx="8" {grey}/>'
        )
    elif k == "cushion":  # cx, width, height (on the floor)
        cx, w, h = a
        svg.add(
            f'<rect x="{fmt(cx - w / 2)}" y="{fmt(floor - h)}" width="{fmt(w)}" '
            f'height="{fmt(h)}" rx="{fmt(h / 2)}" {grey}/>'
        )
    elif k in ("strap", "towel"):  # polyline through joints (+ dx, dy offsets) or points
        if pr.joints:
            ps = [
                (fig.j[n][0] + a[2 * i], fig.j[n][1] + a[2 * i + 1])
                for i, n in enumerate(pr.joints)
            ]
        else:
            ps = [(a[i], a[i + 1]) for i in range(0, len(a), 2)]
        w = 5.0 if k == "strap" else 8.0
        svg.add(
            f'<polyline points="{pts(*ps)}" fill="none" stroke="#aab2bd" stroke-width="{fmt(w)}"/>'
        )
    elif k == "arrow":  # x0, y0, x1, y1
        p0, p1 = (a[0], a[1]), (a[2], a[3])
        ang = compass(p0, p1)
        svg.line(p0, add(p1, ang, -8), ARROW, 3.5)
        arrow_head(svg, p1, ang)
    elif k == "arc":  # cx, cy, r, from, to (compass degrees), heads at end (1) or both (2)
        cx, cy, r, fa, ta = a[:5]
        both = len(a) > 5 and a[5] == 2
        sweep = 1 if ta < fa else 0
        trim = math.degrees(9 / r) * (1 if ta > fa else -1)
        s = add((cx, cy), fa + (trim if both else 0), r)
        e = add((cx, cy), ta - trim, r)
        large = 1 if abs(ta - fa) > 180 else 0
        svg.add(
            f'<path d="M{fmt(s[0])},{fmt(s[1])} A{fmt(r)},{fmt(r)} 0 {large} {sweep} '
            f'{fmt(e[0])},{fmt(e[1])}" fill="none" stroke="{ARROW}" stroke-width="3.5"/>'
        )
        tan = 1 if ta > fa else -1
        arrow_head(svg, add((cx, cy), ta, r), ta + 90 * tan + 10 * tan)
        if both:
            arrow_head(svg, add((cx, cy), fa, r), fa - 90 * tan - 10 * tan)
    elif k == "ring":  # cx, cy, rx, ry: half ellipse in front of the body, arrow on the right
        cx, cy, rx, ry = a
        svg.add(
            f'<path d="M{fmt(cx - rx)},{fmt(cy)} A{fmt(rx)},{fmt(ry)} 0 0 0 '
            f'{fmt(cx + rx - 2)},{fmt(cy + 4)}" fill="none" stroke="{ARROW}" stroke-width="3.5"/>'
        )
        arrow_head(svg, (cx + rx + 1, cy - 4), 160)
    elif k == "pause":  # cx, cy, height: two short bars, a "hold still" cue
        cx, cy, h = a
        for dx in (-6.0, 6.0):
            svg.line((cx + dx, cy - h / 2), (cx + dx, cy + h / 2), ARROW, 5)
    elif k == "lines":  # x0, y0, x1, y1 per line: short motion lines
        for i in range(0, len(a), 4):
            svg.line((a[i], a[i + 1]), (a[i + 2], a[i + 3]), ARROW, 3.5)
    elif k == "doorframe":  # x, top (side view, edge-on)
        x, top = a
        svg.add(
            f'<rect x="{fmt(x)}" y="{fmt(top)}" width="12" height="{fmt(floor - top)}" {grey}/>'
        )
    else:
        raise ValueError(f"unknown prop {k}")


# ------------------------------------------------------------------------ poses


def render_pose(pose: Pose) -> str:
    fig = Figure(pose)
    svg = Svg(pose.title)
    transforms = []
    if pose.view in ("side", "back"):  # back: the figure's left limbs on the viewer's left
        transforms.append(f"matrix(-1 0 0 1 {W} 0)")
    if pose.zoom:
        s, cx, cy = pose.zoom
        transforms.append(f"matrix({s:g} 0 0 {s:g} {cx * (1 - s):.2f} {cy * (1 - s):.2f})")
    svg.add(
        f'<g transform="{" ".join(transforms)}" fill="none" stroke-linecap="round" '
        f'stroke-linejoin="round">'
        if transforms
        else '<g fill="none" stroke-linecap="round" stroke-linejoin="round">'
    )
    for pr in pose.props:
        if not pr.front:
            draw_prop(svg, pr, fig)
    far_color = BODY if fig.front else FAR
    # Drawn before the trunk, in this order: far limbs, then (on request) the near arm
    # (hands on a wall seen from behind) and the near leg under the far one (a leg
    # swinging across in front of the standing leg, seen from behind).
    arms_behind = bool(pose.extra.get("arms_behind"))
    under = ["arm_f", "leg_f"]
    if arms_behind:
        under.append("arm_n")
    if pose.extra.get("near_leg_behind"):
        under.insert(0, "leg_n")
    for key in under:
        if key in fig.limbs:
            draw_limb(svg, fig.limbs[key], far_color if key.endswith("_f") else BODY)
    leg_first = fig.front and not pose.extra.get("near_leg_front")
    if leg_first and "leg_n" in fig.limbs and "leg_n" not in under:
        draw_limb(svg, fig.limbs["leg_n"], BODY)
    draw_trunk(svg, fig)
    draw_head(svg, fig)
    if not leg_first and "leg_n" in fig.limbs and "leg_n" not in under:
        draw_limb(svg, fig.limbs["leg_n"], BODY)
    if "arm_n" in fig.limbs and not arms_behind:
        draw_limb(svg, fig.limbs["arm_n"], BODY)
    for side, sign in zip("nf", pose.palm, strict=True):
        if sign:
            draw_palm(svg, fig, side, sign)
    if pose.hand_face[0]:  # the near hand seen flat (wrist stretches: palm or back)
        draw_hand_face(svg, fig, "n", pose.hand_face[0])
    if pose.extra.get("far_arm_front"):
        draw_limb(svg, fig.limbs["arm_f"], far_color)
    elif pose.extra.get("far_hand_front"):  # 1: forearm and hand, 2: the hand only
        draw_limb(svg, fig.limbs["arm_f"][int(pose.extra["far_hand_front"]) :], far_color)
    for h in pose.highlights:
        draw_highlight(svg, fig, h)
    for pr in pose.props:
        if pr.front:
            draw_prop(svg, pr, fig)
    svg.add("</g>")
    return svg.text()


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    from bodymap import render_bodymap

    for pose in STRETCHES:
        write(MEDIA / "stretches" / f"{pose.id}.svg", render_pose(pose))
    for pose in ACTIONS:
        write(MEDIA / "actions" / f"{pose.id}.svg", render_pose(pose))
    for view in ("front", "back"):
        write(MEDIA / "bodymap" / f"{view}.svg", render_bodymap(view))
    print(f"wrote {len(STRETCHES)} stretch, {len(ACTIONS)} action and 2 body-map SVGs")


if __name__ == "__main__":
    main()
