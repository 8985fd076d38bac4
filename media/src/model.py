"""Data types shared by the pose data (poses.py) and the generator (render.py).

Coordinates are SVG user units on a 400x300 canvas, y pointing down.

Angles are "compass" degrees measured on screen: 0 points straight down,
90 points forward (the way the figure faces), 180 points up and -90 points
backwards.  Side-view poses are authored facing RIGHT; the generator mirrors
them so the finished figure faces LEFT and its near (drawn on top, dark) limbs
are the figure's LEFT limbs - the working side.  In front views the figure
faces the viewer, so its left side is on the viewer's right and 90 points to
the viewer's right.  Back views are authored exactly like front views; the
generator mirrors them, so the figure's left limbs end up on the viewer's left.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Point = tuple[float, float]


@dataclass(frozen=True)
class Limb:
    """An arm or a leg: either absolute angles or an IK target for the wrist/ankle."""

    angles: tuple[float, float] | None = None  # upper segment, lower segment
    target: Point | None = None  # wrist / ankle position (inverse kinematics)
    bend: int = 1  # +1: middle joint (knee/elbow) bends toward "front" of the chain
    end: float | None = None  # hand / foot angle (default: foot forward, hand in line)
    fore: tuple[float, float] = (1.0, 1.0)  # foreshortening of upper, lower segment
    hidden: bool = False  # not drawn (e.g. behind the body)


@dataclass(frozen=True)
class Highlight:
    """Accent-coloured muscle mark on a body segment.

    part: segment name, e.g. "thigh_n" (near/left thigh), "shin_f", "trunk_lo",
    "trunk_hi", "neck", "foot_n", "fore_n", "upper_n".
    side: -1 back of the segment, +1 front, 0 centred (for the foot +1 is the
    top and -1 the sole).
    """

    part: str
    t: float = 0.5
    side: float = 0.0
    size: float = 0.6
    width: float = 7.0


@dataclass(frozen=True)
class Prop:
    kind: str  # floor, wall, chair, step, bed, mat, cushion, strap, towel, arrow, arc, door
    args: tuple[float, ...] = ()
    front: bool = False  # drawn over the figure
    joints: tuple[str, ...] = ()  # strap/towel: joint names, args then hold dx, dy per joint


@dataclass(frozen=True)
class Pose:
    id: str
    title: str
    hip: Point
    view: str = "side"  # "side", "front", or "back" (authored like "front", drawn mirrored)
    trunk: tuple[float, float] = (180.0, 180.0)  # lower, upper trunk angle (hip -> shoulder)
    head: float | None = None  # neck/head angle, defaults to upper trunk angle
    face: float = 0.0  # front view: head turn, -1 (viewer's left) .. +1 (viewer's right)
    legs: tuple[Limb, Limb] = (Limb(), Limb())  # near (left), far (right)
    arms: tuple[Limb, Limb] = (Limb(), Limb())  # near (left), far (right)
    props: tuple[Prop, ...] = ()
    highlights: tuple[Highlight, ...] = ()
    twist: float = 1.0  # front view: shoulder width factor (turned trunk looks narrower)
    zoom: tuple[float, float, float] | None = None  # scale about (cx, cy)
    palm: tuple[int, int] = (0, 0)  # draw palm marks on near/far hand (+1 front, -1 back)
    # The hand drawn flat, as if seen a little from above (near, far): +1 the palm is seen,
    # -1 the back of the hand (only the near hand is drawn this way so far).
    hand_face: tuple[int, int] = (0, 0)
    extra: dict[str, float] = field(default_factory=dict)
