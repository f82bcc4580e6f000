"""The one medicines text: the result, the plan, the diary and the medicines guidance all print it.

Spec v4 ("One voice"), from NICE NG59 and NHS.UK: ibuprofen first if suitable, with food, at the
lowest dose for the shortest time, stopped at signs of bleeding in the stomach; naproxen and
muscle relaxants on prescription; paracetamol alone not recommended for back pain but the usual
first choice in pregnancy. Pure text, so every page says exactly the same.
"""

MEDICINES: tuple[str, ...] = (
    "Ibuprofen is usually the first painkiller to try, if it is suitable for you. Ask a "
    "pharmacist first: it is not suitable for everyone, for example if you have asthma, a "
    "stomach ulcer, or kidney or heart problems.",
    "Take it with food, at the lowest dose that works, for the shortest time you need it.",
    "Stop taking it and get help if your poo is black or you are sick blood.",
    "Naproxen and muscle relaxants are only on prescription: ask a GP. A muscle relaxant can "
    "make you drowsy: do not drive or use machines while you take it.",
    "Paracetamol on its own is not recommended for back pain.",
)

MEDICINES_IN_PREGNANCY: tuple[str, ...] = (
    "Do not take ibuprofen, naproxen or other anti-inflammatory painkillers (NSAIDs) while you "
    "are pregnant.",
    "Paracetamol is usually the first choice of painkiller in pregnancy. Ask your midwife or a "
    "pharmacist before you take any painkiller.",
)

# NICE NG59 1.2.17-1.2.21: what the medicines guidance says a GP should not offer.
NOT_RECOMMENDED: tuple[str, ...] = (
    "For sciatica: gabapentin or pregabalin (gabapentinoids), other medicines for epilepsy, "
    "steroid tablets, and benzodiazepines such as diazepam.",
    "For back pain or sciatica that has lasted a long time (3 months or more): opioids, such as "
    "codeine.",
)


def medicines(pregnant: bool) -> tuple[str, ...]:
    return MEDICINES_IN_PREGNANCY if pregnant else MEDICINES
