import torch

from captioner import Captioner, scst_loss, token_f1

CFG = {"feat_dim": 6, "vocab": 12, "hidden": 8, "max_len": 5, "lr": 1e-3, "ent_coef": 0.01}


def train_step(model, opt, feats, refs):
    tokens, logprobs, mask = model.sample(feats, CFG["max_len"])
    with torch.no_grad():
        greedy, _, greedy_mask = model.sample(feats, CFG["max_len"], greedy=True)
    advantage = token_f1(tokens, mask, refs) - token_f1(greedy, greedy_mask, refs)
    loss = scst_loss(logprobs, mask, advantage, CFG["ent_coef"])  # L
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()


def main():
    torch.manual_seed(0)
    model = Captioner(CFG["feat_dim"], CFG["vocab"], CFG["hidden"])
    opt = torch.optim.Adam(model.parameters(), lr=CFG["lr"])
    for _ in range(2):
        feats = torch.randn(3, CFG["feat_dim"])
        refs = torch.randint(2, CFG["vocab"], (3, 4))
        print(train_step(model, opt, feats, refs))


if __name__ == "__main__":
    main()
