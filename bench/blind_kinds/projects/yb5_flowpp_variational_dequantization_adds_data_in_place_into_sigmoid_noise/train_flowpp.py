import math

import torch

from flowpp import CouplingFlow, VariationalDequantizer, dequantize, logit_transform

DIM, N_BINS = 6, 256


def bits_per_dim(flow, deq, x):
    u, log_q = deq(x)
    y = dequantize(x, u, N_BINS)  # L
    v, logdet_logit = logit_transform(y)
    log_px = flow(v) + logdet_logit - DIM * math.log(N_BINS) - log_q
    return -log_px.mean() / (DIM * math.log(2))


def main():
    torch.manual_seed(0)
    flow, deq = CouplingFlow(DIM), VariationalDequantizer(DIM, n_bins=N_BINS)
    opt = torch.optim.Adam(list(flow.parameters()) + list(deq.parameters()), lr=1e-3)
    for _ in range(3):
        x = torch.randint(0, N_BINS, (8, DIM)).float()
        loss = bits_per_dim(flow, deq, x)
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("bpd", round(loss.item(), 3))


if __name__ == "__main__":
    main()
