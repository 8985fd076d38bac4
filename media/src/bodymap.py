"""Front and back body maps: a soft grey silhouette with outlined muscle regions.

Each region is one <path class="muscle" id="<muscle id>">; paired muscles are two
sub-paths of the same path.  The app recolours regions by id.  Front view: the
figure faces the viewer (its left is on the viewer's right); back view: the
figure faces away (its left is on the viewer's left).
"""

from __future__ import annotations

VIEW = (200.0, 440.0)
SKIN = "#d9dde3"
REGION_FILL = "#f3f4f6"
REGION_LINE = "#9aa3b0"

Pt = tuple[float, float]

# Regions are outlined on the viewer's LEFT half; the mirror image is added.
FRONT: dict[str, list[Pt]] = {
    "sternocleidomastoid": [(89, 60), (93, 59), (99, 84), (96, 88), (93, 84)],
    "pectoralis_major": [(97, 93), (80, 92), (64, 98), (62, 110), (70, 124), (88, 128), (97, 120)],
    "obliques": [(70, 150), (79, 154), (84, 186), (82, 214), (72, 210), (68, 180)],
    "iliopsoas": [(86, 218), (93, 222), (98, 246), (93, 252), (84, 236)],
    "quadriceps": [
        (67, 250),
        (80, 246),
        (90, 258),
        (91, 292),
        (87, 322),
        (77, 325),
        (68, 302),
        (65, 274),
    ],
    "adductors": [(93, 258), (98, 262), (97, 288), (93, 300), (91, 280)],
    "tibialis_anterior": [(71, 346), (78, 343), (80, 372), (77, 398), (72, 382)],
    "forearm_flexors": [(43, 190), (53, 190), (51, 218), (45, 238), (38, 222)],
}
BACK: dict[str, list[Pt]] = {
    "trapezius": [
        (100, 62),
        (107, 64),
        (112, 80),
        (138, 90),
        (118, 102),
        (104, 140),
        (100, 150),
        (96, 140),
        (82, 102),
        (62, 90),
        (88, 80),
        (93, 64),
    ],
    "levator_scapulae": [(89, 64), (93, 66), (89, 94), (82, 94)],
    "deltoid_posterior": [(60, 90), (73, 95), (73, 114), (62, 124), (52, 110)],
    "rhomboids": [(95, 100), (97, 106), (96, 132), (86, 126), (83, 108)],
    "latissimus": [(68, 126), (88, 140), (96, 186), (86, 200), (72, 190), (65, 156)],
    "erector_spinae": [(92, 150), (98, 152), (98, 224), (91, 228), (89, 190)],
    "gluteus_maximus": [(98, 232), (98, 262), (85, 269), (69, 262), (64, 246), (76, 232)],
    "piriformis": [(96, 238), (97, 243), (72, 252), (70, 247)],
    "hamstrings": [(68, 274), (92, 274), (94, 300), (88, 326), (76, 326), (68, 302)],
    "soleus": [(68, 356), (92, 356), (91, 384), (85, 403), (75, 403), (69, 384)],
    "gastrocnemius": [
        (70, 338),
        (80, 335),
        (90, 338),
        (92, 360),
        (85, 382),
        (80, 372),
        (75, 382),
        (68, 360),
    ],
    "forearm_extensors": [(43, 190), (53, 190), (51, 218), (45, 238), (38, 222)],
    "plantar_fascia": [(72, 423), (88, 423), (87, 429), (73, 429)],
}
MUSCLES = {"front": list(FRONT), "back": list(BACK)}


def fmt(v: float) -> str:
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def blob(ps: list[Pt]) -> str:
    """Closed Catmull-Rom spline through the points, as cubic Beziers."""
    n = len(ps)
    out = [f"M{fmt(ps[0][0])},{fmt(ps[0][1])}"]
    for i in range(n):
        p0, p1, p2, p3 = ps[i - 1], ps[i], ps[(i + 1) % n], ps[(i + 2) % n]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        out.append(
            f"C{fmt(c1[0])},{fmt(c1[1])} {fmt(c2[0])},{fmt(c2[1])} {fmt(p2[0])},{fmt(p2[1])}"
        )
    return "".join(out) + "Z"


def mirror(ps: list[Pt]) -> list[Pt]:
    return [(VIEW[0] - x, y) for x, y in reversed(ps)]


def silhouette(view: str) -> list[str]:
    s = f'stroke="{SKIN}" stroke-linecap="round" stroke-linejoin="round" fill="none"'
    torso = [
        (62, 88),
        (138, 88),
        (137, 150),
        (131, 200),
        (137, 242),
        (100, 262),
        (63, 242),
        (69, 200),
        (63, 150),
    ]
    out = [
        f'<circle cx="100" cy="36" r="23" fill="{SKIN}"/>',
        f'<path d="M100,50L100,84" stroke-width="24" {s}/>',
        f'<path d="{blob(torso)}" fill="{SKIN}" stroke="{SKIN}" stroke-width="8"/>',
    ]
    for sign in (1, -1):

        def x(v: float, sign: int = sign) -> str:
            return fmt(100 + sign * (v - 100))

        out += [
            f'<path d="M{x(64)},98L{x(49)},180" stroke-width="24" {s}/>',
            f'<path d="M{x(49)},180L{x(41)},250" stroke-width="19" {s}/>',
            f'<path d="M{x(41)},252L{x(38)},274" stroke-width="15" {s}/>',
            f'<path d="M{x(81)},244L{x(79)},332" stroke-width="34" {s}/>',
            f'<path d="M{x(79)},332L{x(80)},412" stroke-width="24" {s}/>',
        ]
        if view == "front":
            out.append(f'<path d="M{x(80)},414L{x(76)},428" stroke-width="18" {s}/>')
        else:
            out.append(f'<path d="M{x(80)},414L{x(80)},424" stroke-width="19" {s}/>')
    if view == "back":
        out.append(f'<path d="M100,60L100,60" stroke="{SKIN}"/>')
    return out


def render_bodymap(view: str) -> str:
    regions = FRONT if view == "front" else BACK
    title = "Body map, front view" if view == "front" else "Body map, back view"
    parts = silhouette(view)
    for mid, ps in regions.items():
        d = blob(ps) + blob(mirror(ps)) if mid != "trapezius" else blob(ps)
        parts.append(f'<path id="{mid}" class="muscle" d="{d}"/>')
    body = "\n".join(parts)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{fmt(VIEW[0])}" '
        f'height="{fmt(VIEW[1])}" viewBox="0 0 {fmt(VIEW[0])} {fmt(VIEW[1])}">\n'
        f"<title>{title}</title>\n"
        f'<g fill="{REGION_FILL}" stroke="{REGION_LINE}" stroke-width="1.5" '
        f'stroke-linejoin="round">\n{body}\n</g>\n</svg>\n'
    )
