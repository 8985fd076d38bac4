"""Rows and text tables for ``stretch-guide list`` and ``stretch-guide plan``."""

from typing import Any

from guide.core.content.catalog import Catalog
from guide.core.content.problems import did_you_mean
from guide.core.content.sides import side_phrase
from guide.core.i18n import duration, tr
from guide.core.routine.plan import Plan, routine_seconds


class UnknownMuscle(LookupError):
    pass


def _file(catalog: Catalog, kind: str, ident: str) -> str:
    path = catalog.file_of(kind, ident)
    return str(path.resolve()) if path else ""


def muscles_matching(catalog: Catalog, word: str) -> list[str]:
    """Muscle ids for an id or everyday word; raises UnknownMuscle with the closest matches."""
    if word in catalog.muscles:
        return [word]
    found = catalog.find_muscles(word)
    if found:
        return [m.id for m in found]
    hint = did_you_mean(word.lower(), catalog.muscle_words(), n=5)
    raise UnknownMuscle(tr("unknown muscle `{word}`{hint}").format(word=word, hint=hint))


def rows(catalog: Catalog, what: str, muscle: str | None = None) -> list[dict[str, Any]]:
    if what == "muscles":
        return [
            {"id": m.id, "name": m.name, "synonyms": list(m.synonyms), "side": str(m.side),
             "region": str(m.region), "file": _file(catalog, "muscle", m.id)}
            for m in catalog.muscles.values()
        ]
    if what == "routines":
        return [
            {"id": r.id, "name": r.name, "kind": str(r.kind),
             "total_seconds": routine_seconds(r, catalog.stretches),
             "file": _file(catalog, "routine", r.id)}
            for r in catalog.routines.values()
        ]
    wanted = set(muscles_matching(catalog, muscle)) if muscle else None
    out = []
    for s in catalog.stretches.values():
        if wanted is not None and not wanted & {*s.muscles.primary, *s.muscles.secondary}:
            continue
        out.append({
            "id": s.id, "name": s.name,
            "muscles": {"primary": list(s.muscles.primary), "secondary": list(s.muscles.secondary)},
            "position": [str(p) for p in s.position],
            "style": str(s.style), "per_side": s.per_side,
            "hold": s.hold, "reps": s.reps, "rest": s.rest,
            "equipment": list(s.equipment),
            "sources": [{"title": src.title, "publisher": src.publisher, "url": src.url}
                        for src in s.sources],
            "illustrations": list(s.illustrations),
            "file": _file(catalog, "stretch", s.id),
        })
    return out


def _table(headers: list[str], body: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in body)) if body else len(h)
              for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    return "\n".join(lines)


def _words() -> dict[str, str]:
    """The table's words for the ids the JSON keeps (routine kinds, positions, body sides)."""
    return {
        "relief": tr("cramp relief", "routine kind"), "warm-up": tr("warm-up", "routine kind"),
        "bedtime": tr("bedtime", "routine kind"), "desk": tr("desk", "routine kind"),
        "custom": tr("custom", "routine kind"),
        "standing": tr("standing", "position"), "seated": tr("seated", "position"),
        "lying": tr("lying down", "position"), "in_bed": tr("in bed", "position"),
        "kneeling": tr("kneeling", "position"),
        "front": tr("front", "side of the body"), "back": tr("back", "side of the body"),
    }


def table(what: str, data: list[dict[str, Any]]) -> str:
    words = _words()
    if what == "muscles":
        body = [[r["id"], r["name"], words.get(r["side"], r["side"]), ", ".join(r["synonyms"])]
                for r in data]
        return _table([tr("ID"), tr("NAME"), tr("SIDE"), tr("ALSO CALLED")], body)
    if what == "routines":
        body = [[r["id"], r["name"], words.get(r["kind"], r["kind"]),
                 duration(r["total_seconds"])] for r in data]
        return _table([tr("ID"), tr("NAME"), tr("KIND"), tr("TIME")], body)
    body = []
    for r in data:
        dose = tr("{hold} s × {reps}").format(hold=r["hold"], reps=r["reps"])
        if r["per_side"]:
            dose = tr("{dose}, {sides}").format(dose=dose, sides=side_phrase(None, "each"))
        body.append([r["id"], r["name"], ", ".join(r["muscles"]["primary"]),
                     ", ".join(words.get(p, p) for p in r["position"]), dose])
    return _table([tr("ID"), tr("NAME"), tr("MUSCLES"), tr("POSITION"), tr("DOSE")], body)


def _kind_names() -> dict[str, str]:
    # Translators: the kinds of step in `stretch-guide plan`
    return {"prepare": tr("get ready"), "hold": tr("hold"), "rest": tr("rest"),
            "switch": tr("switch"), "action": tr("action"), "done": tr("done")}


def plan_table(plan: Plan) -> str:
    body = []
    for seg, start in zip(plan.segments, plan.starts(), strict=True):
        minutes, secs = divmod(start, 60)
        detail = []
        if seg.side:
            # Translators: the side of the body in the plan table
            detail.append(tr("left") if seg.side == "left" else tr("right"))
        if seg.rep and seg.reps:
            detail.append(tr("rep {rep}/{reps}").format(rep=seg.rep, reps=seg.reps))
        body.append([f"{minutes:2d}:{secs:02d}", _kind_names().get(str(seg.kind), str(seg.kind)),
                     seg.name, " ".join(detail),
                     f"{seg.seconds} s"])
    head = f"{plan.routine.name} ({plan.routine.id})"
    total = tr("Total: {time}").format(time=duration(plan.total_seconds))
    table_text = _table([tr("START"), tr("KIND"), tr("WHAT"), tr("SIDE/REP"), tr("LENGTH")], body)
    return f"{head}\n{table_text}\n{total}"
