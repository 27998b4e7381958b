from dataclasses import dataclass

import torch
import torch.nn.functional as F

from .state import StateCarrier


@dataclass
class TrainConfig:
    bptt: int = 4
    lr: float = 0.5
    clip: float = 0.25
    detach_state: bool = True
    # set when "Trying to backward through the graph a second time" came up
    retain_graph: bool = False


def get_batch(source, i, bptt):
    seq_len = min(bptt, len(source) - 1 - i)
    return source[i:i + seq_len], source[i + 1:i + 1 + seq_len]


def train_epoch(model, opt, stream, cfg: TrainConfig):
    model.train()
    carrier = StateCarrier(model.init_hidden(stream.shape[1]), detach=cfg.detach_state)
    losses = []
    for i in range(0, stream.shape[0] - 1, cfg.bptt):
        data, targets = get_batch(stream, i, cfg.bptt)
        output, new_state = model(data, carrier.state)
        carrier.update(new_state)
        loss = F.cross_entropy(output.reshape(-1, output.shape[-1]), targets.reshape(-1))
        opt.zero_grad()
        loss.backward(retain_graph=cfg.retain_graph)
        torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.clip)
        opt.step()  # L
        losses.append(loss.item())
    return sum(losses) / len(losses)
