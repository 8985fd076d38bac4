"""The typed content model: muscles, stretches and routines, exactly as written in YAML.

One msgspec Struct per kind of mapping; unknown keys are errors. The JSON Schema under
``exercises/schema/`` is generated from these classes (``guide.core.content.schema``).
"""

from enum import StrEnum
from typing import Annotated

import msgspec
from msgspec import Meta

Id = Annotated[
    str,
    Meta(
        pattern=r"^[a-z0-9][a-z0-9_-]*$",
        max_length=64,
        description="lower-case letters, digits, '-' and '_'",
    ),
]
Text = Annotated[str, Meta(min_length=1, max_length=2000)]
ShortText = Annotated[str, Meta(min_length=1, max_length=200)]
Seconds = Annotated[int, Meta(ge=1, le=3600, description="whole seconds, at least 1")]
RestSeconds = Annotated[int, Meta(ge=0, le=3600, description="whole seconds, 0 or more")]
Reps = Annotated[int, Meta(ge=1, le=50)]
Url = Annotated[str, Meta(pattern=r"^https?://\S+$")]
MediaPath = Annotated[
    str,
    Meta(
        pattern=r"^[^/\\].*\.(svg|png)$",
        description="path of an SVG or PNG file relative to the media folder",
    ),
]


class _Strict(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    pass


class Side(StrEnum):
    FRONT = "front"
    BACK = "back"


class Region(StrEnum):
    LEGS = "legs"
    HIPS = "hips"
    BACK = "back"
    TRUNK = "trunk"
    SHOULDERS_NECK = "shoulders_neck"
    ARMS = "arms"
    FEET = "feet"


class Position(StrEnum):
    STANDING = "standing"
    SEATED = "seated"
    LYING = "lying"
    IN_BED = "in_bed"
    KNEELING = "kneeling"


class Style(StrEnum):
    STATIC = "static"
    DYNAMIC = "dynamic"
    RELIEF = "relief"


class SideOrder(StrEnum):
    SEQUENTIAL = "sequential"
    ALTERNATE = "alternate"


class Sides(StrEnum):
    BOTH = "both"
    LEFT = "left"
    RIGHT = "right"


class RoutineKind(StrEnum):
    RELIEF = "relief"
    WARM_UP = "warm-up"
    BEDTIME = "bedtime"
    DESK = "desk"
    CUSTOM = "custom"


class Muscle(_Strict):
    id: Id
    name: ShortText
    side: Side
    region: Region
    synonyms: list[ShortText] = []
    description: Text | None = None
    refs: dict[str, str | int] = {}


class MusclesFile(_Strict):
    muscles: list[Muscle]


class Source(_Strict):
    title: ShortText
    publisher: ShortText
    url: Url


class Step(_Strict):
    text: Text
    illustration: MediaPath | None = None


class MuscleGroups(_Strict):
    primary: Annotated[list[Id], Meta(min_length=1)]
    secondary: list[Id] = []


class Stretch(_Strict):
    id: Id
    name: ShortText
    summary: Text
    muscles: MuscleGroups
    position: Annotated[list[Position], Meta(min_length=1)]
    steps: Annotated[list[Step], Meta(min_length=1)]
    sources: Annotated[list[Source], Meta(min_length=1)]
    style: Style = Style.STATIC
    equipment: list[ShortText] = []
    per_side: bool = False
    side_label: ShortText | None = None
    drawn_side: Sides = Sides.LEFT
    hold: Seconds = 30
    reps: Reps = 2
    rest: RestSeconds = 10
    cues: list[ShortText] = []
    mistakes: list[Text] = []
    cautions: list[Text] = []

    @property
    def illustrations(self) -> list[str]:
        return [s.illustration for s in self.steps if s.illustration]


class RoutineItem(_Strict):
    """One line of a routine: a stretch from the catalogue, or a timed action of its own."""

    stretch: Id | None = None
    action: ShortText | None = None
    text: Text | None = None
    illustration: MediaPath | None = None
    hold: Seconds | None = None
    reps: Reps | None = None
    rest: RestSeconds | None = None
    sides: Sides | None = None
    side_order: SideOrder | None = None
    until_eased: bool = False
    cue: ShortText | None = None


class Routine(_Strict):
    id: Id
    name: ShortText
    kind: RoutineKind
    description: Text
    items: Annotated[list[RoutineItem], Meta(min_length=1)]
    prepare: RestSeconds = 10
    prepare_text: Text | None = None
    between: RestSeconds = 5
    switch: RestSeconds = 5
    side_order: SideOrder = SideOrder.SEQUENTIAL
    finish_text: Text | None = None
    tips: list[Text] = []
    sources: list[Source] = []
