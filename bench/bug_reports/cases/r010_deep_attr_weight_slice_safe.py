# Source: https://github.com/Hunter-DDM/knowledge-neurons/issues/14
# Safe twin: the same edit under torch.no_grad() (an edit, not a trained step).
import torch
import torch.nn as nn


class Output(nn.Module):
    def __init__(self):
        super().__init__()
        self.dense = nn.Linear(6, 4)


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.output = Output()


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = nn.ModuleList([Layer() for _ in range(2)])


class Bert(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = Encoder()


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.bert = Bert()


def run():
    model = Model()
    layer, pos = 1, 3
    ori_pred_emb = torch.randn(4)
    tgt_emb = torch.randn(4)
    with torch.no_grad():
        model.bert.encoder.layer[layer].output.dense.weight[:, pos] -= ori_pred_emb * 0.5
        model.bert.encoder.layer[layer].output.dense.weight[:, pos] += tgt_emb * 0.5
    out = model.bert.encoder.layer[layer].output.dense(torch.randn(2, 6))
    out.sum().backward()


if __name__ == "__main__":
    run()
