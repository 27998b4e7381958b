import torch
import torch.nn.functional as F

from ntm import NTM, NTMConfig


def copy_batch(batch, length, width):
    seq = torch.randint(0, 2, (length, batch, width)).float()
    inp = torch.zeros(2 * length + 1, batch, width + 1)
    inp[:length, :, :width] = seq
    inp[length, :, width] = 1.0  # delimiter
    return inp, seq


def main(cfg=NTMConfig()):
    torch.manual_seed(0)
    model = NTM(cfg)
    opt = torch.optim.RMSprop(model.parameters(), lr=1e-3, momentum=0.9)
    for step in range(2):
        inp, seq = copy_batch(3, 3, cfg.outputs)
        model.init_sequence(3)
        outs = [model(x) for x in inp]  # L
        pred = torch.stack(outs[-seq.shape[0]:])
        loss = F.binary_cross_entropy_with_logits(pred, seq)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_value_(model.parameters(), 10.0)
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
