import torch

from rlhf import CausalLMWithValueHead, ppo_loss

CONFIG = {"vocab": 11, "hidden": 8, "value_dropout": 0.0, "batch": 3, "seq_len": 6, "ppo_epochs": 2}


def rollout_batch(model, batch, seq_len, vocab):
    ids = torch.randint(0, vocab, (batch, seq_len))
    mask = torch.ones(batch, seq_len, dtype=torch.long)
    mask[0, -2:] = 0
    mask[2, -1:] = 0
    with torch.no_grad():
        logits, _ = model(ids, mask)
        old = torch.log_softmax(logits[:, :-1], -1).gather(-1, ids[:, 1:, None]).squeeze(-1)
    return {"input_ids": ids, "attention_mask": mask, "old_logprobs": old,
            "advantages": torch.randn(batch, seq_len - 1), "returns": torch.randn(batch, seq_len - 1)}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = CausalLMWithValueHead(cfg["vocab"], cfg["hidden"], cfg["value_dropout"])
    opt = torch.optim.Adam(model.parameters(), lr=1e-4)
    batch = rollout_batch(model, cfg["batch"], cfg["seq_len"], cfg["vocab"])
    for _ in range(cfg["ppo_epochs"]):
        loss = ppo_loss(model, batch)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("loss", round(loss.item(), 4))


if __name__ == "__main__":
    main()
