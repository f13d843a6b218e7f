"""Archetype presets of a renderer sprite model, made from labels rather than from seeds.

An outfit archetype (hero, heroine, villain) is a character written down as LPC items; its
preset replaces the model's `shape` layers with that character's w, so a seed keeps its own
colours (skin, hair, garments) and takes the archetype's silhouette: the label mix the renderer
was trained on. A colour archetype (elder) is a recolour direction, a colour's token vector
minus the mean of its class, added to the `colour` layers: the edit the renderer was trained on,
so the seed keeps its clothes and takes grey hair.
"""
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from ..data.lpc_catalogue import Layer, LpcCatalogue
from ..errors import CharagenError


@dataclass(frozen=True)
class OutfitArchetype:
    name: str
    sex: str
    description: str
    items: Sequence[Tuple[str, str, Optional[str]]]  # (category, group, name) of each item, back to front


@dataclass(frozen=True)
class ColourArchetype:
    name: str
    description: str
    colour_class: str
    colour: str


ARCHETYPES = (
    OutfitArchetype("hero", "male", "hero: swept hair, long-sleeved shirt under a leather chest piece and shoulders, "
                    "trousers, leather belt, shoes", (
                        ("body", "body", "light"), ("eyes", "body/eyes", "blue"), ("feet", "feet/shoes", "brown_shoes_male"),
                        ("legs", "legs/pants", "teal_pants_male"),
                        ("torso", "torso/shirts/longsleeve", "white_longsleeve"), ("torso", "torso/leather", "chest_male"),
                        ("torso", "torso/leather", "shoulders_male"), ("belt", "belt/leather", "leather_male"),
                        ("hair", "hair/swoop", "brown"))),
    OutfitArchetype("heroine", "female", "heroine: ponytail, sleeveless shirt under a leather chest piece, trousers, "
                    "belt, shoes", (
                        ("body", "body", "light"), ("eyes", "body/eyes", "green"), ("feet", "feet/shoes", "brown_shoes_female"),
                        ("legs", "legs/pants", "teal_pants_female"),
                        ("torso", "torso/shirts/sleeveless", "white_sleeveless"), ("torso", "torso/leather", "chest_female"),
                        ("belt", "belt/leather", "leather_female"), ("hair", "hair/ponytail", "redhead"))),
    OutfitArchetype("villain", "male", "villain: chain mail under a tabard, steel leg armour, a chain hood", (
        ("body", "body", "light"), ("eyes", "body/eyes", "red"), ("feet", "feet/shoes", "black_shoes_male"),
        ("legs", "legs/armor", "metal_pants_male"), ("torso", "torso/chain", "mail_male"),
        ("torso", "torso/chain/tabard", "jacket_male"), ("hair", "hair/shorthawk", "black"),
        ("head", "head/hoods", "chain_hood_male"))),
    ColourArchetype("elder", "elder: grey hair (and beard), everything else the seed's", "hair", "gray"),
)


def archetype_layers(catalogue: LpcCatalogue, archetype: OutfitArchetype) -> List[Layer]:
    out = []
    for category, group, name in archetype.items:
        found = [l for l in catalogue.select(category, archetype.sex, group=group) if name is None or l.name == name]
        if not found:
            raise CharagenError(f"archetype {archetype.name}: no accepted LPC layer {category} {group} {name} "
                                f"for {archetype.sex} in {catalogue.root}")
        out.append(found[0])
    return out
