"""Pose data for every Stretch Guide illustration.

Side views are authored facing RIGHT (render.py mirrors them so the figure
faces left and its near, dark limbs are its LEFT limbs - the working side).
See model.py for the angle convention.  Useful reference values:

* floor line y = 284; a flat foot has its ankle at y = 273;
* standing hip y = 159 (thigh 58 + shin 56 above the ankle);
* chair seat top y = 226, a seated hip at y = 214.
"""

from __future__ import annotations

from model import Highlight as HL
from model import Limb as L
from model import Pose
from model import Prop as P

FLOOR = P("floor")
STAND_HIP_Y = 159.0
SEAT_HIP_Y = 214.0


def chair(x: float = 118.0, facing: float = 1.0) -> P:
    return P("chair", (x, facing))


def calf(t: float = 0.38, size: float = 0.55) -> HL:
    return HL("shin_n", t=t, side=-1, size=size, width=8)


def standing_legs(x: float) -> tuple[L, L]:
    return (L(target=(x + 2, 273)), L(target=(x - 2, 273)))


# Side view, the far hand flat on a wall beside the figure (behind it, seen face-on):
# the arm reaches sideways, away from the viewer, so it looks short.
HAND_ON_WALL_BESIDE = L(target=(232, 108), bend=-1, end=174, fore=(0.7, 0.75))

# Back view, both hands flat on a wall in front of the figure at shoulder height: the
# arms point away from the viewer, so they are short and drawn behind the trunk.
WALL_HANDS_FROM_BEHIND = (
    L(target=(254, 106), bend=-1, end=176, fore=(0.6, 0.6)),
    L(target=(146, 106), bend=1, end=-176, fore=(0.6, 0.6)),
)


def seated_front_legs() -> tuple[L, L]:
    return (
        L(angles=(6, 2), fore=(0.12, 1.0)),
        L(angles=(-6, -2), fore=(0.12, 1.0)),
    )


STRETCHES: list[Pose] = [
    # ---------------------------------------------------------------- calves
    Pose(
        id="calf-wall-straight",
        title="Calf stretch at a wall, back knee straight",
        hip=(166, 176),
        trunk=(150, 150),
        head=146,
        legs=(L(target=(106, 276), end=90), L(target=(212, 273))),
        arms=(L(target=(268, 100), bend=-1, end=178), L(target=(268, 106), bend=-1, end=178)),
        props=(FLOOR, P("wall", (272, 24))),
        highlights=(calf(),),
    ),
    Pose(
        id="calf-wall-bent",
        title="Calf stretch at a wall, back knee bent",
        hip=(174, 190),
        trunk=(158, 158),
        head=154,
        legs=(L(target=(120, 273)), L(target=(218, 273))),
        arms=(L(target=(268, 108), bend=-1, end=178), L(target=(268, 114), bend=-1, end=178)),
        props=(FLOOR, P("wall", (272, 24))),
        highlights=(calf(0.68, 0.45),),
    ),
    Pose(
        id="calf-towel",
        title="Calf stretch with a towel, sitting",
        hip=(110, 268),
        trunk=(170, 174),
        head=176,
        legs=(L(angles=(88, 89), end=195), L(angles=(88, 89), end=165)),
        arms=(L(target=(196, 212), bend=-1), L(target=(192, 215), bend=-1)),
        props=(
            FLOOR,
            P("mat", (60, 350)),
            P(
                "towel",
                (2, -2, 5, -3, 6, 6, 2, 5),
                front=True,
                joints=("wrist_n", "tip_leg_n", "tip_leg_n", "wrist_n"),
            ),
        ),
        highlights=(calf(0.4),),
    ),
    Pose(
        id="calf-cramp-release",
        title="Calf cramp release: stand on the leg, holding a chair",
        hip=(180, STAND_HIP_Y),
        legs=(L(target=(180, 273)), L(target=(164, 266), end=70)),
        arms=(L(target=(234, 146), bend=-1, end=100), L(target=(234, 150), bend=-1, end=100)),
        props=(FLOOR, chair(234, 1)),
        highlights=(calf(),),
    ),
    Pose(
        id="calf-cramp-release-2",
        title="Calf cramp release: weight on the leg, knee slightly bent",
        hip=(190, 170),
        trunk=(172, 174),
        legs=(L(target=(176, 273)), L(target=(162, 266), end=70)),
        arms=(L(target=(234, 146), bend=-1, end=100), L(target=(234, 150), bend=-1, end=100)),
        props=(FLOOR, chair(234, 1), P("arrow", (212, 196, 226, 214), front=True)),
        highlights=(calf(0.55, 0.6),),
    ),
    # --------------------------------------------------------------- thighs
    Pose(
        id="quad-standing",
        title="Standing quadriceps stretch, holding a chair",
        hip=(175, STAND_HIP_Y),
        legs=(L(angles=(4, 196), end=-120), L(target=(177, 273))),
        arms=(L(target=(158, 168), bend=-1, end=200), L(target=(240, 146), bend=-1, end=100)),
        props=(FLOOR, chair(240, 1)),
        highlights=(HL("thigh_n", t=0.5, side=1, size=0.7, width=8),),
    ),
    Pose(
        id="quad-side-lying",
        title="Quadriceps stretch lying on your side, holding the top foot",
        hip=(196, 256),
        trunk=(90, 90),
        head=100,
        extra={"chest_front": 17.0, "trunk_scale": 0.85},
        legs=(L(angles=(-95, 130), end=194), L(angles=(-82, -88), end=-90)),
        arms=(L(target=(181, 212), bend=-1, end=-120), L(angles=(92, 90), end=90)),
        props=(P("mat", (52, 348)),),
        zoom=(1.15, 200, 284),
        highlights=(HL("thigh_n", t=0.5, side=0, size=0.7, width=9),),
    ),
    Pose(
        id="hamstring-standing",
        title="Standing hamstring stretch, heel on a low step",
        hip=(180, 162),
        trunk=(128, 128),
        head=120,
        legs=(L(target=(262, 243), end=150), L(target=(178, 273))),
        arms=(L(target=(214, 196), bend=-1), L(target=(312, 128), bend=-1, end=178)),
        props=(FLOOR, P("step", (236, 72, 30)), P("wall", (316, 40))),
        highlights=(HL("thigh_n", t=0.5, side=-1, size=0.7, width=8),),
    ),
    Pose(
        id="hamstring-chair",
        title="Seated hamstring stretch on the edge of a chair",
        hip=(168, SEAT_HIP_Y),
        trunk=(140, 140),
        head=132,
        legs=(L(target=(266, 270), end=160), L(target=(222, 273))),
        arms=(L(target=(226, 232), bend=-1), L(target=(222, 234), bend=-1)),
        props=(FLOOR, chair()),
        highlights=(HL("thigh_n", t=0.5, side=-1, size=0.7, width=8),),
    ),
    Pose(
        id="hamstring-lying",
        title="Hamstring stretch lying on your back, with a strap",
        hip=(218, 269),
        trunk=(-90, -90),
        head=-92,
        legs=(L(angles=(164, 164), end=-106), L(angles=(88, 90), end=180)),
        arms=(L(target=(196, 206), bend=-1), L(target=(192, 209), bend=-1)),
        props=(
            FLOOR,
            P("mat", (40, 360)),
            P(
                "strap",
                (0, 0, 2, -8, 0, 0),
                front=True,
                joints=("wrist_n", "tip_leg_n", "wrist_f"),
            ),
        ),
        highlights=(HL("thigh_n", t=0.5, side=-1, size=0.7, width=8),),
    ),
    # ----------------------------------------------------------------- hips
    Pose(
        id="hip-flexor-kneeling",
        title="Kneeling hip flexor stretch, one hand on the back of a chair",
        hip=(160, 206),
        legs=(L(target=(98, 264), end=-100), L(target=(222, 273))),
        arms=(L(target=(244, 152), bend=-1, end=100), L(target=(216, 206), bend=-1)),
        props=(FLOOR, P("cushion", (145, 46, 12)), chair(250, 1)),
        highlights=(HL("thigh_n", t=0.1, side=1, size=0.55, width=9),),
    ),
    Pose(
        id="hip-flexor-kneeling-2",
        title="Kneeling hip flexor stretch: shift the hips forward, holding the chair",
        hip=(176, 208),
        trunk=(184, 182),
        legs=(L(target=(98, 264), end=-100), L(target=(224, 273))),
        arms=(L(target=(244, 152), bend=-1, end=100), L(target=(220, 208), bend=-1)),
        props=(
            FLOOR,
            P("cushion", (145, 46, 12)),
            chair(250, 1),
            P("arrow", (112, 176, 148, 176)),
        ),
        highlights=(HL("thigh_n", t=0.1, side=1, size=0.55, width=9),),
    ),
    Pose(
        id="hip-split-stance",
        title="Standing hip flexor stretch in a split stance, holding the back of a chair",
        hip=(176, 168),
        trunk=(184, 182),
        legs=(L(target=(106, 262), end=55), L(target=(212, 273))),
        arms=(L(target=(244, 146), bend=-1, end=100), L(target=(244, 150), bend=-1, end=100)),
        props=(FLOOR, chair(246, 1)),
        highlights=(HL("thigh_n", t=0.1, side=1, size=0.55, width=9),),
    ),
    Pose(
        id="glute-figure-four",
        title="Seated figure-four buttock stretch: ankle on the knee, lean forward",
        hip=(160, SEAT_HIP_Y),
        trunk=(136, 136),
        head=128,
        legs=(
            L(angles=(100, 80), fore=(0.6, 0.78), end=120),
            L(target=(218, 273)),
        ),
        arms=(L(target=(196, 196), bend=-1, end=100), L(target=(232, 194), bend=-1, end=100)),
        props=(FLOOR, chair(110)),
        highlights=(HL("trunk_lo", t=0.9, side=-1, size=0.9, width=13),),
    ),
    Pose(
        id="knee-to-chest",
        title="Knee to chest, lying on your back",
        hip=(228, 269),
        trunk=(-90, -90),
        head=-92,
        legs=(L(angles=(232, 108), end=190), L(angles=(88, 90), end=180)),
        arms=(L(target=(200, 218), bend=-1, end=100), L(target=(196, 220), bend=-1, end=100)),
        props=(FLOOR, P("mat", (40, 360))),
        highlights=(HL("trunk_lo", t=0.9, side=-1, size=0.6, width=9),),
    ),
    # ----------------------------------------------------------------- feet
    Pose(
        id="plantar-toe-pull",
        title="Sole of the foot stretch: pull the toes back",
        hip=(168, SEAT_HIP_Y),
        trunk=(168, 168),
        head=160,
        legs=(L(target=(226, 198), fore=(0.8, 0.6), end=142), L(target=(222, 273))),
        arms=(L(target=(252, 176), bend=-1, end=160), L(target=(226, 194), bend=-1)),
        props=(FLOOR, chair()),
        highlights=(HL("foot_n", t=0.5, side=-1, size=0.8, width=7),),
    ),
    Pose(
        id="ankle-pumps",
        title="Ankle pumps: pull the toes up",
        hip=(168, SEAT_HIP_Y),
        trunk=(176, 176),
        legs=(L(target=(266, 270), end=160), L(target=(222, 273))),
        arms=(L(target=(204, 206), bend=-1), L(target=(200, 208), bend=-1)),
        props=(FLOOR, chair(), P("arc", (266, 270, 40, 175, 115, 2))),
        highlights=(calf(0.45),),
    ),
    Pose(
        id="ankle-pumps-2",
        title="Ankle pumps: point the toes down",
        hip=(168, SEAT_HIP_Y),
        trunk=(176, 176),
        legs=(L(target=(266, 270), end=86), L(target=(222, 273))),
        arms=(L(target=(204, 206), bend=-1), L(target=(200, 208), bend=-1)),
        props=(FLOOR, chair(), P("arc", (266, 270, 40, 175, 115, 2))),
        highlights=(HL("shin_n", t=0.45, side=1, size=0.55, width=7),),
    ),
    # ------------------------------------------------------------ upper body
    Pose(
        id="neck-rotation",
        title="Neck rotation: turn the head slowly",
        view="front",
        hip=(200, 212),
        face=1.0,
        legs=seated_front_legs(),
        arms=(L(angles=(12, 2)), L(angles=(-12, -2))),
        props=(FLOOR, P("chair_front", (200, 224)), P("arc", (200, 100, 34, 215, 145))),
        highlights=(HL("neck", t=0.5, side=-1, size=0.9, width=6),),
    ),
    Pose(
        id="shoulder-cross-body",
        title="Shoulder stretch: pull the arm across the chest",
        view="front",
        hip=(200, STAND_HIP_Y),
        legs=(L(angles=(3, 1)), L(angles=(-3, -1))),
        arms=(L(angles=(-84, -90)), L(target=(176, 108), bend=-1, end=-150)),
        props=(FLOOR,),
        extra={"far_arm_front": 1},
        highlights=(HL("upper_n", t=0.1, side=0, size=0.5, width=13),),
    ),
    Pose(
        id="chest-opener",
        title="Chest opener: hands clasped behind, chest lifted",
        hip=(172, SEAT_HIP_Y),
        trunk=(186, 192),
        head=186,
        legs=(L(target=(226, 273)), L(target=(220, 273))),
        arms=(L(angles=(-48, -50), end=-50), L(angles=(-50, -52), end=-52)),
        props=(FLOOR, P("chair", (118, 1, 226, 0))),
        highlights=(HL("trunk_hi", t=0.3, side=1, size=0.55, width=9),),
    ),
    Pose(
        id="upper-body-twist",
        title="Seated upper body twist: sit tall, arms crossed over the chest",
        hip=(168, SEAT_HIP_Y),
        trunk=(178, 180),
        legs=(L(target=(226, 273)), L(target=(220, 273))),
        arms=(
            L(target=(188, 158), bend=-1, end=196, fore=(1.0, 0.85)),
            L(target=(185, 162), bend=-1, end=196, fore=(1.0, 0.85)),
        ),
        props=(FLOOR, chair()),
        highlights=(HL("trunk_lo", t=0.4, side=1, size=0.8, width=9),),
    ),
    Pose(
        id="upper-body-twist-2",
        title="Seated upper body twist: arms crossed over the chest, turn slowly",
        hip=(168, SEAT_HIP_Y),
        trunk=(178, 180),
        face=-1.0,
        legs=(L(target=(226, 273)), L(target=(220, 273))),
        arms=(
            L(angles=(3, 134), end=120, fore=(0.86, 1.1)),
            L(angles=(-3, -131), end=-120, fore=(0.86, 1.1)),
        ),
        props=(FLOOR, chair(), P("arc", (170, 114, 32, 140, 230))),
        extra={"chest_front": 19.0, "far_arm_front": 1},
        highlights=(HL("trunk_lo", t=0.4, side=1, size=0.8, width=9),),
    ),
    # The wrist pictures are seen a little from above, so the hand shows its palm (light,
    # with finger lines) or its back (dark): palm up for the flexor stretch, palm down for
    # the extensor.  Both bends stay well inside an easy range (about 50 degrees).
    Pose(
        id="wrist-flexor",
        title="Wrist flexor stretch: arm out, palm up; ease the fingers down and back toward you",
        hip=(168, SEAT_HIP_Y),
        legs=(L(target=(226, 273)), L(target=(220, 273))),
        arms=(
            L(angles=(90, 90), end=40),
            L(target=(284, 186), fore=(1.4, 1.5), bend=-1, end=-150),
        ),
        props=(P("floor", (84, 316)), chair(), P("arc", (252, 144, 62, 64, 28), front=True)),
        zoom=(1.45, 200, 284),
        hand_face=(1, 0),
        extra={"big_hands": 2.6, "hand_w": 1.9, "far_hand": 1.2, "far_hand_front": 2},
        highlights=(HL("fore_n", t=0.5, side=1, size=0.75, width=7),),
    ),
    Pose(
        id="wrist-extensor",
        title="Wrist extensor stretch: arm out, palm down; press the back of the hand toward you",
        hip=(168, SEAT_HIP_Y),
        legs=(L(target=(226, 273)), L(target=(220, 273))),
        arms=(
            L(angles=(90, 90), end=40),
            L(target=(273, 140), fore=(1.3, 1.3), bend=-1, end=40),
        ),
        props=(P("floor", (84, 316)), chair(), P("arrow", (328, 156, 302, 156))),
        zoom=(1.45, 200, 284),
        hand_face=(-1, 0),
        extra={"big_hands": 2.6, "hand_w": 1.9, "far_hand": 1.5, "far_hand_front": 2},
        highlights=(HL("fore_n", t=0.5, side=1, size=0.75, width=7),),
    ),
    # -------------------------------------------------------------- warm-up
    Pose(
        id="march-in-place",
        title="March in place",
        hip=(190, STAND_HIP_Y),
        trunk=(182, 182),
        legs=(L(angles=(92, 2), end=80), L(target=(190, 273))),
        arms=(L(angles=(-38, -14)), L(angles=(40, 120))),
        props=(FLOOR, P("arrow", (272, 228, 272, 196))),
    ),
    Pose(
        id="heel-raises",
        title="Heel raises, holding a chair: feet flat",
        hip=(182, STAND_HIP_Y),
        legs=standing_legs(182),
        arms=(L(target=(240, 146), bend=-1, end=100), L(target=(240, 150), bend=-1, end=100)),
        props=(FLOOR, chair(240, 1)),
        highlights=(calf(0.35),),
    ),
    Pose(
        id="heel-raises-2",
        title="Heel raises, holding a chair: up on the toes",
        hip=(182, 133),
        legs=(L(target=(184, 247), end=32), L(target=(180, 247), end=32)),
        arms=(L(target=(240, 146), bend=-1, end=100), L(target=(240, 150), bend=-1, end=100)),
        props=(FLOOR, chair(240, 1), P("arrow", (160, 272, 160, 236))),
        highlights=(calf(0.35),),
    ),
    # Side-on to a wall: the wall is behind the figure (seen face-on) and the far hand
    # rests on it, so nothing stands in the path of the swinging near leg.
    Pose(
        id="leg-swings-front",
        title="Leg swings forward and back, side-on to a wall, one hand on it: swing forward",
        hip=(196, STAND_HIP_Y),
        legs=(L(angles=(52, 48), end=125), L(target=(196, 273))),
        arms=(L(angles=(-18, -8)), HAND_ON_WALL_BESIDE),
        props=(FLOOR, P("backwall", (64, 336, 40, 262)), P("arc", (196, 159, 132, 10, 62, 2))),
        highlights=(HL("thigh_n", t=0.5, side=-1, size=0.7, width=8),),
    ),
    Pose(
        id="leg-swings-front-2",
        title="Leg swings, side-on to a wall: swing the leg back",
        hip=(196, STAND_HIP_Y),
        legs=(L(angles=(-34, -30), end=55), L(target=(196, 273))),
        arms=(L(angles=(12, 24)), HAND_ON_WALL_BESIDE),
        props=(FLOOR, P("backwall", (64, 336, 40, 262)), P("arc", (196, 159, 132, -48, -8, 2))),
        highlights=(HL("thigh_n", t=0.1, side=1, size=0.55, width=9),),
    ),
    # Seen from behind, facing the wall with both hands on it: the leg swings out to
    # the side and back across, in front of the standing leg (so it passes behind it here).
    Pose(
        id="leg-swings-side",
        title="Side leg swings, from behind: facing a wall, both hands on it, leg out to the side",
        view="back",
        hip=(200, STAND_HIP_Y),
        legs=(L(angles=(30, 30)), L(angles=(-2, 0))),
        arms=WALL_HANDS_FROM_BEHIND,
        props=(FLOOR, P("backwall", (70, 330, 40, 262)), P("arc", (200, 159, 126, -24, 46))),
        extra={"arms_behind": 1},
        highlights=(HL("thigh_n", t=0.45, side=-1, size=0.6, width=8),),
    ),
    Pose(
        id="leg-swings-side-2",
        title="Side leg swings, seen from behind: swing the leg back across, in front of the other",
        view="back",
        hip=(200, STAND_HIP_Y),
        legs=(L(angles=(-22, -22)), L(angles=(-2, 0))),
        arms=WALL_HANDS_FROM_BEHIND,
        props=(FLOOR, P("backwall", (70, 330, 40, 262)), P("arc", (200, 159, 126, 42, -30))),
        extra={"arms_behind": 1, "near_leg_behind": 1},
        highlights=(HL("thigh_n", t=0.12, side=1, size=0.5, width=9),),
    ),
    Pose(
        id="arm-circles",
        title="Arm circles: arms out to the sides",
        view="front",
        hip=(200, STAND_HIP_Y),
        legs=(L(angles=(4, 2)), L(angles=(-4, -2))),
        arms=(L(angles=(92, 92)), L(angles=(-92, -92))),
        props=(FLOOR, P("arc", (318, 92, 20, 200, 480)), P("arc", (82, 92, 20, 160, -120))),
        highlights=(
            HL("upper_n", t=0.15, size=0.45, width=11),
            HL("upper_f", t=0.15, size=0.45, width=11),
        ),
    ),
    Pose(
        id="arm-circles-2",
        title="Arm circles: arms at the top of the circle",
        view="front",
        hip=(200, STAND_HIP_Y),
        legs=(L(angles=(4, 2)), L(angles=(-4, -2))),
        arms=(L(angles=(148, 152)), L(angles=(-148, -152))),
        props=(FLOOR, P("arc", (200, 88, 100, 60, 130)), P("arc", (200, 88, 100, -60, -130))),
        highlights=(
            HL("upper_n", t=0.15, size=0.45, width=11),
            HL("upper_f", t=0.15, size=0.45, width=11),
        ),
    ),
]

ACTIONS: list[Pose] = [
    Pose(
        id="massage-calf",
        title="Massage the calf",
        hip=(168, SEAT_HIP_Y),
        trunk=(138, 138),
        head=128,
        legs=(L(target=(246, 273)), L(target=(214, 273))),
        arms=(L(target=(236, 246), bend=-1, end=30), L(target=(230, 238), bend=-1, end=30)),
        props=(FLOOR, chair()),
        highlights=(calf(0.35, 0.5),),
    ),
    Pose(
        id="massage-thigh",
        title="Massage the front of the thigh",
        hip=(168, SEAT_HIP_Y),
        trunk=(164, 164),
        head=156,
        legs=(L(target=(234, 273)), L(target=(222, 273))),
        arms=(L(target=(212, 200), bend=-1, end=100), L(target=(194, 200), bend=-1, end=100)),
        props=(FLOOR, chair()),
        highlights=(HL("thigh_n", t=0.5, side=1, size=0.7, width=8),),
    ),
    Pose(
        id="massage-hamstring",
        title="Massage the back of the thigh, sitting: hands under the thigh",
        hip=(166, SEAT_HIP_Y),
        trunk=(156, 156),
        head=146,
        legs=(L(target=(252, 273)), L(target=(222, 273))),
        arms=(L(target=(200, 236), bend=-1, end=92), L(target=(192, 235), bend=-1, end=92)),
        props=(FLOOR, chair(112)),
        highlights=(HL("thigh_n", t=0.55, side=-1, size=0.7, width=8),),
    ),
    Pose(
        id="walk",
        title="Walk gently",
        hip=(200, 163),
        trunk=(176, 176),
        legs=(L(target=(244, 272), end=112), L(target=(158, 266), end=55)),
        arms=(L(angles=(-26, -14)), L(angles=(26, 52))),
        props=(FLOOR,),
    ),
    Pose(
        id="stand-still",
        title="Stop and stand still, one hand on a chair",
        hip=(182, STAND_HIP_Y),
        legs=standing_legs(182),
        arms=(L(target=(228, 140), bend=-1, end=100), L(angles=(0, 2))),
        props=(FLOOR, chair(236, 1), P("pause", (186, 26, 22))),
    ),
    Pose(
        id="brisk-pace",
        title="Build up to a brisk pace or a light jog",
        hip=(206, 164),
        trunk=(170, 170),
        head=174,
        legs=(L(angles=(64, 2), end=100), L(target=(166, 264), end=42)),
        arms=(L(angles=(-66, 6)), L(angles=(36, 128))),
        props=(FLOOR, P("lines", (112, 100, 140, 100, 100, 128, 136, 128, 112, 156, 140, 156))),
    ),
]
