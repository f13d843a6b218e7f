"""The head encoder network: four 3x3 convolutions (the last three halving the size), two fully
connected layers, and one group of class logits per head (pairing.HEADS). The exported network ends
in the `ws` layer: each head's softmax times the portrait label encoder's token vectors of the paired
face parts, plus the label encoder's bias and the neutral expression's tokens, which is that face's w
(a sum of token vectors, render/encoder.py)."""
from typing import Dict, List, Sequence

import torch
from torch import nn
from torch.nn import functional as F

from .inputs import CHANNELS, ROWS, WIDTH

#: (out channels, stride) of each 3x3 convolution, padding 1, leaky ReLU 0.2 after each.
CONVS = ((48, 1), (64, 2), (96, 2), (128, 2))
HIDDEN = 256
SLOPE = 0.2


class HeadEncoderNet(nn.Module):
    def __init__(self, head_sizes: Sequence[int], conv_layers: Sequence[Sequence[int]] = CONVS, hidden: int = HIDDEN):
        super().__init__()
        self.head_sizes = list(head_sizes)
        self.conv_layers = [tuple(c) for c in conv_layers]
        self.hidden = hidden
        convs, channels, rows, width = [], CHANNELS, ROWS, WIDTH
        for out, stride in self.conv_layers:
            convs.append(nn.Conv2d(channels, out, 3, stride=stride, padding=1))
            channels, rows, width = out, (rows - 1) // stride + 1, (width - 1) // stride + 1
        self.convs = nn.ModuleList(convs)
        self.fc = nn.ModuleList([nn.Linear(channels * rows * width, hidden), nn.Linear(hidden, sum(self.head_sizes))])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """[N, 16, ROWS, 48] -> class logits [N, sum(head sizes)]."""
        for conv in self.convs:
            x = F.leaky_relu(conv(x), SLOPE)
        x = F.leaky_relu(self.fc[0](x.flatten(1)), SLOPE)
        return self.fc[1](x)

    def split(self, logits: torch.Tensor) -> List[torch.Tensor]:
        return list(torch.split(logits, self.head_sizes, dim=1))

    def probabilities(self, logits: torch.Tensor) -> torch.Tensor:
        """Each head's softmax, concatenated [N, sum(head sizes)]."""
        return torch.cat([p.softmax(1) for p in self.split(logits)], dim=1)


#: Factors the exported network's logits of a head are scaled by, so that its softmax, which mixes the
#: classes' face tokens, picks one class rather than blending several. Shapes do not blend: the
#: tokens of two hair styles drawn half and half leave hair-coloured blobs beside the head. Hair
#: colours blend, but the uncertain cases are between far colours (brown2 and blonde2 are dE 42
#: apart), whose blend is near neither. Skin is left soft: its targets are tone mixes (readings.py).
EXPORT_SHARPNESS = {"hair_style": 10.0, "beard": 10.0, "hair_colour": 4.0}


@torch.no_grad()
def sharpened(net: HeadEncoderNet, heads: Sequence[str], sharpness: Dict[str, float]) -> HeadEncoderNet:
    """A copy of net whose last layer's rows (and bias) of each head in sharpness are scaled by its factor."""
    import copy
    out = copy.deepcopy(net)
    start = 0
    for head, size in zip(heads, net.head_sizes):
        factor = sharpness.get(head, 1.0)
        out.fc[1].weight[start:start + size] *= factor
        out.fc[1].bias[start:start + size] *= factor
        start += size
    return out


def ws_weights(tokens: Sequence[Sequence[str]], shape_vectors: Dict[str, torch.Tensor],
               colour_vectors: Dict[str, torch.Tensor], w_dim: int) -> torch.Tensor:
    """[sum(head sizes), w_dim]: one row per class, the token vector of its face part (zero for None)."""
    rows = []
    for head in tokens:
        for token in head:
            if token is None:
                rows.append(torch.zeros(w_dim))
            elif token in shape_vectors:
                rows.append(shape_vectors[token])
            else:
                rows.append(colour_vectors[token])
    return torch.stack(rows)


def encode_w(net: HeadEncoderNet, ws_weight: torch.Tensor, ws_bias: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """The exported network's output: w [N, w_dim]."""
    return net.probabilities(net(x)) @ ws_weight + ws_bias
