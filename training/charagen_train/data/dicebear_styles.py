"""The DiceBear styles that the portrait data set draws, with their licences and credits, and
how each style's parts map to identity and expression labels.

Chosen: `adventurer` alone. It is the most anime/cartoon-like of the DiceBear styles (big eyes,
flat colours, black outlines, like a small RPG face), takes any skin and hair colour as a flat
fill (so the LPC palettes show exactly), and has the widest range of expressive mouths, eyes
and eyebrows. One style keeps the data set one look: a GAN learns a mixed-style set worse.

Checked and not used (licences from the installed packages, DiceBear 9.4.3):
- `lorelei` (Lisa Wischofsky, CC0 1.0): same designer, line art, but a three-quarter view with
  subtle expressions and no clear angry or surprised mouth.
- `big-smile` (Ashley Seo, CC BY 4.0): side-turned heads, most mouths grin.
- `micah` (Micah Lanier, CC BY 4.0), `personas` (Draftbit, CC BY 4.0), `avataaars` (Pablo
  Stanley, "free for personal and commercial use"), `notionists` (Zoish, CC0 1.0): western
  flat-illustration looks with shoulders and clothes; avataaars' licence is not a standard one.

DiceBear has no head pose: every face is drawn frontal (adventurer's eyes may look sideways).

A style entry gives, for the data set's credits, what the installed package says (a test checks
the two agree: `node render.mjs --meta adventurer`), and for the builder: the identity parts
(drawn once per sample whatever the expression) and, per expression, the variants of the parts
that carry it. Variants a style has but that read as no one expression (tongue out, drool,
kiss, pout, winks, closed or bored eyes) are left out of the data set.
"""

from __future__ import annotations

EXPRESSIONS = ("neutral", "happy", "sad", "angry", "surprised")


def _variants(*numbers: int) -> tuple[str, ...]:
    return tuple(f"variant{n:02d}" for n in numbers)


# Eyes and eyebrows that read as calm; shared by neutral and happy.
_ADVENTURER_OPEN_EYES = _variants(1, 2, 3, 24, 25, 26)
_ADVENTURER_CALM_BROWS = _variants(3, 5, 6, 10, 12, 13, 14, 15)

STYLES: dict[str, dict] = {
    "adventurer": {
        "title": "Adventurer",
        "creator": "Lisa Wischofsky",
        "source": "https://www.figma.com/community/file/1184595184137881796",
        "homepage": "https://www.instagram.com/lischi_art/",
        "licence": "CC BY 4.0",
        "licence_url": "https://creativecommons.org/licenses/by/4.0/",
        "package": "@dicebear/adventurer",
        "package_licence": "(MIT AND CC-BY-4.0)",  # code MIT (Florian Körner), design CC BY 4.0
        "attribution": '"Adventurer" by Lisa Wischofsky (https://www.figma.com/community/file/'
                       '1184595184137881796), CC BY 4.0, rendered with DiceBear (MIT)',
        # identity: drawn once per sample. All 45 hair variants but the six whose fringe hides 15%
        # or more of the eyes (short06, long04, long20, long24, long25, long26; measured, see
        # tests/test_portraits.py), which would hide the expression.
        "hair": tuple(f"short{n:02d}" for n in range(1, 20) if n != 6)
                + tuple(f"long{n:02d}" for n in range(1, 27) if n not in (4, 20, 24, 25, 26)),
        # (variants, probability in percent); glasses variant01 are sunglasses, which hide the eyes
        "glasses": (_variants(2, 3, 4, 5), 10),
        "earrings": (_variants(1, 2, 3, 4, 5, 6), 15),
        "features": (("birthmark", "blush", "freckles", "mustache"), 15),
        # expression -> part -> variants (looked at one by one; see the module docstring)
        "expressions": {
            "neutral": {
                "mouth": _variants(6, 8, 9, 20, 21),  # closed lips, a flat line
                "eyes": _ADVENTURER_OPEN_EYES,
                "eyebrows": _ADVENTURER_CALM_BROWS,
            },
            "happy": {
                "mouth": _variants(1, 2, 5, 23, 24, 25, 26, 27, 28, 29),  # smiles, grins, laughs
                "eyes": _ADVENTURER_OPEN_EYES + _variants(9, 19, 23),  # + cheek lines, ^^, sparkles
                "eyebrows": _ADVENTURER_CALM_BROWS + _variants(9, 11),  # + raised arches
            },
            "sad": {
                "mouth": _variants(4, 14),  # a small frown, a wailing open frown
                "eyes": _variants(15, 16),  # drooping lids
                "eyebrows": _variants(7,),  # raised at the middle, worried
            },
            "angry": {
                "mouth": _variants(11, 22, 30),  # clenched teeth, a grimace, a shout
                "eyes": _variants(4, 5, 11, 12, 13, 14),  # lowered upper lids, glaring
                "eyebrows": _variants(1, 2),  # slanting down to the middle
            },
            "surprised": {
                "mouth": _variants(3, 7, 15, 18),  # small and big open "o"
                "eyes": _variants(6, 7, 8),  # wide with small pupils
                "eyebrows": _variants(9, 11),  # raised arches
            },
        },
    },
}

DEFAULT_STYLE = "adventurer"


def style_credits(name: str) -> dict:
    """The credit fields of one style, for dataset.json and the model card."""
    s = STYLES[name]
    keys = ("title", "creator", "source", "homepage", "licence", "licence_url", "package",
            "package_licence", "attribution")
    return {"style": name, **{k: s[k] for k in keys}}
