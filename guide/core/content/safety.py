"""The safety text the app shows: the Safety page, the first-run disclaimer, honest claims, sources.

Pure Python like the rest of the core: every sentence goes through :func:`tr` so the UI can
translate it, and nothing here imports Qt.
"""

from guide.core.i18n import tr

# (title, publisher, url) of every source the shipped content relies on.
SOURCES: list[tuple[str, str, str]] = [
    ("Leg cramps", "NHS", "https://www.nhs.uk/conditions/leg-cramps/"),
    (
        "Leg cramps",
        "NHS inform",
        "https://www.nhsinform.scot/illnesses-and-conditions/muscle-bone-and-joints/"
        "conditions/leg-cramps",
    ),
    (
        "Twitching eyes and muscles",
        "NHS",
        "https://www.nhs.uk/conditions/twitching-eyes-and-muscles/",
    ),
    (
        "Deep vein thrombosis",
        "NHS",
        "https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/",
    ),
    (
        "Calf stretches",
        "NHS Fife",
        "https://nhsfife.org/services/all-services/patient-advice/calf-stretches",
    ),
    ("Muscle cramps", "MedlinePlus", "https://medlineplus.gov/musclecramps.html"),
    (
        "Muscle cramps",
        "AAOS OrthoInfo",
        "https://orthoinfo.aaos.org/en/diseases--conditions/muscle-cramps",
    ),
    (
        "Muscle cramp",
        "American Osteopathic Association",
        "https://osteopathic.org/what-is-osteopathic-medicine/muscle-cramp/",
    ),
    (
        "Muscle spasms",
        "North American Spine Society",
        "https://www.spine.org/KnowYourBack/Conditions/Other/Muscle-Spasms",
    ),
    (
        "Stretching: focus on flexibility",
        "Mayo Clinic",
        "https://www.mayoclinic.org/healthy-lifestyle/fitness/in-depth/stretching/art-20047931",
    ),
    (
        "Stretching and flexibility guidelines",
        "ACSM",
        "https://www.acsm.org/all-blog-posts/certification-blog/acsm-certified-blog/2021/03/18/"
        "stretching-and-flexibility-guidelines-update",
    ),
    (
        "Stretching before sleep and nocturnal leg cramps",
        "Hallegraeff et al. 2012, J Physiother",
        "https://pubmed.ncbi.nlm.nih.gov/22341378/",
    ),
    (
        "Stretching for nocturnal leg cramps (update 2021)",
        "Cochrane",
        "https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858.CD008496.pub3",
    ),
    (
        "Acute effects of muscle stretching",
        "Behm et al. 2016",
        "https://cdnsciencepub.com/doi/10.1139/apnm-2015-0235",
    ),
    (
        "Nocturnal leg cramps",
        "AAFP 2012",
        "https://www.aafp.org/afp/2012/0815/p350-s1.html",
    ),
    (
        "Stretching exercises",
        "National Institute on Aging",
        "https://www.nia.nih.gov/health/exercise-and-physical-activity",
    ),
]


def disclaimer() -> str:
    """The short notice shown on first run and at the foot of the Safety page."""
    return tr(
        "Stretch Guide gives general information about stretching. It is not medical advice "
        "and does not replace a doctor, physiotherapist or other clinician. Stop any stretch "
        "that hurts. In an emergency, call your local emergency number."
    )


def sections() -> list[tuple[str, list[str]]]:
    """The Safety page: (title, bullets) in the order shown."""
    return [
        (tr("When to stop"), _when_to_stop()),
        (tr("See a doctor"), _see_a_doctor()),
        (tr("Urgent: get help now"), _urgent()),
        (tr("Ask first"), _ask_first()),
        (tr("About this app"), _about()),
    ]


def _when_to_stop() -> list[str]:
    return [
        tr("A stretch should feel like a mild pull. It should never hurt."),
        tr("Stop straight away if you feel a sharp pain."),
        tr("Stop straight away if part of you goes numb or starts to tingle."),
        tr("Stop straight away if you feel dizzy. Sit or lie down until it passes."),
        tr("Chest pain or very bad breathlessness: stop and get urgent help."),
        tr("Move slowly, do not bounce, and keep breathing."),
    ]


def _see_a_doctor() -> list[str]:
    return [
        tr("Cramps that come often, are severe or painful, or keep waking you."),
        tr("Cramps that do not get better with stretching and other self-care."),
        tr("Cramps that come with a swollen leg, or with numbness."),
        tr("A muscle that is losing strength or shrinking."),
        tr("Cramps or spasms with weakness, pins and needles or shaking."),
        tr("Cramps or spasms with clumsiness, slow movement or double vision."),
        tr("Cramps or spasms with sleep problems, or with loss of movement."),
        tr("Twitching that goes on for over 2 weeks, or affects several parts of the body."),
        tr("Cramps that started after a new medicine, such as a statin or a water tablet."),
    ]


def _urgent() -> list[str]:
    return [
        tr("A cramp that lasts more than 10 minutes and does not ease when you move."),
        tr("Cramps that begin after a dirty wound or cut."),
        tr("Only one leg is painful, swollen, red and warm. This can be a blood clot."),
        tr("With a leg like that, do not stretch it or rub it."),
        tr("Chest pain or very bad breathlessness."),
        tr("In an emergency, call your local emergency number."),
    ]


def _ask_first() -> list[str]:
    return [
        tr("Pregnancy: the cramp stretching trials left out pregnant people."),
        tr("If you are pregnant, check with your midwife before you start."),
        tr("Osteoporosis: skip the knee-to-chest stretch and the upper-body twist."),
        tr("Joint replacement: ask your surgeon or physiotherapist which stretches suit you."),
        tr("Poor balance: hold a steady support, or use the seated and lying stretches."),
    ]


def _about() -> list[str]:
    return [
        tr("This app gives general information. It is not medical advice."),
        tr("It does not replace a doctor, physiotherapist or other clinician."),
        tr("Stop any stretch that hurts."),
        tr("In an emergency, call your local emergency number."),
    ]


def honest_claims() -> list[str]:
    """What stretching can and cannot do, with how sure the evidence is."""
    return [
        tr("Bedtime stretching is unlikely to harm you and may help a little. It is not a cure."),
        tr(
            "A review of 3 trials with 201 people aged 50 and over found that calf and "
            "hamstring stretches may make night cramps less severe. The evidence is weak "
            "(low certainty)."
        ),
        tr(
            "In a trial of 80 adults over 55, stretching every night for 6 weeks led to about "
            "1 fewer cramp a night than in people who did not stretch (1.2 on average, likely "
            "between 0.6 and 1.8). Pain was 1.3 cm lower on a 10 cm scale. No harmful effects "
            "were reported."
        ),
        tr("In another trial, stretching the calves alone made no difference."),
        tr("The NHS says stretching may ease cramps but may not stop them."),
        tr(
            "A guide for family doctors (AAFP) calls the evidence for stretching limited. "
            "Quinine is no longer advised for cramps."
        ),
        tr(
            "Not drinking enough is one cause of cramps, but studies do not show it is the main "
            "cause of cramps during exercise. Drink enough, especially in hot weather. Forcing "
            "down very large amounts of water is dangerous."
        ),
        tr(
            "Before sport, holding a stretch for less than a minute per muscle costs almost no "
            "performance (about 1 %). Holding for a minute or more costs about 4.6 %. Moving "
            "stretches help slightly (about 1.3 %)."
        ),
    ]
