# Source: https://github.com/Hunter-DDM/knowledge-neurons/issues/14
# Report: knowledge editing writes into a column of a deep submodule's weight,
# `model.bert.encoder.layer[layer].output.dense.weight[:, pos] -= ...`, with grad
# enabled: "a view of a leaf Variable that requires grad is being used in an
# in-place operation".
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
    model.bert.encoder.layer[layer].output.dense.weight[:, pos] -= ori_pred_emb * 0.5  # hazard
    model.bert.encoder.layer[layer].output.dense.weight[:, pos] += tgt_emb * 0.5  # hazard
    out = model.bert.encoder.layer[layer].output.dense(torch.randn(2, 6))
    out.sum().backward()


if __name__ == "__main__":
    run()
