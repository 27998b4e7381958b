import torch
import torch.nn.functional as F

from seqmodel import StreamClassifier

CFG = {"batch": 4, "chunk": 5, "n_chunks": 3, "accum": 3, "d_in": 3, "hidden": 8, "classes": 2}


def main(cfg=CFG):
    torch.manual_seed(0)
    model = StreamClassifier(cfg["d_in"], cfg["hidden"], cfg["classes"])
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    stream = torch.randn(cfg["batch"], cfg["chunk"] * cfg["n_chunks"], cfg["d_in"])
    labels = torch.randint(0, cfg["classes"], (cfg["n_chunks"], cfg["batch"]))
    done = torch.rand(cfg["n_chunks"], cfg["batch"]) < 0.5
    state = model.init_state(cfg["batch"])
    opt.zero_grad()
    total = 0.0
    for i, chunk in enumerate(stream.split(cfg["chunk"], dim=1)):
        logits, state = model(chunk, state)
        total = total + F.cross_entropy(logits, labels[i]) / cfg["accum"]
        state = state.detach().reset_(done[i])  # L
        if (i + 1) % cfg["accum"] == 0:
            total.backward()
            opt.step()
            opt.zero_grad()
            total = 0.0
    print("ok")


if __name__ == "__main__":
    main()
