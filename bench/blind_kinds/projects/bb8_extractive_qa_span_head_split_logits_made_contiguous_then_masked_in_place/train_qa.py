import torch

from qa import SpanQA, span_loss


def toy_batch(batch=4, q_len=3, c_len=7, vocab=30):
    tokens = torch.randint(1, vocab, (batch, q_len + c_len))
    context_mask = torch.zeros(batch, q_len + c_len, dtype=torch.bool)
    context_mask[:, q_len:] = True
    start = torch.randint(q_len, q_len + c_len - 2, (batch,))
    end = start + torch.randint(0, 2, (batch,))
    return tokens, context_mask, start, end


def main():
    torch.manual_seed(0)
    model = SpanQA()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for step in range(2):
        tokens, context_mask, start, end = toy_batch()
        loss = span_loss(model(tokens, context_mask), start, end)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
