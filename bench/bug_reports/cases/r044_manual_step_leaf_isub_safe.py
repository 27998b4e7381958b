# Source: https://github.com/BaiTheBest/SparseLLM/issues/13
# Safe twin: the hand-written step runs under torch.no_grad() (the thread's
# out-of-place line would leave s_batch a non-leaf whose .grad is None on the next
# step), so s_batch stays a leaf and is updated in place.
import torch


def solve_s(W, X, target, s, s_learning_rate=0.1, steps=2, chunk_size=5):
    for start in range(0, s.shape[1], chunk_size):
        chunk = slice(start, start + chunk_size)
        s_batch = s[:, chunk].clone().detach().float().requires_grad_(True)
        for _ in range(steps):
            loss_s = ((W @ X[:, chunk] + s_batch - target[:, chunk]) ** 2).mean()
            loss_s.backward()
            with torch.no_grad():
                s_batch -= s_learning_rate * s_batch.grad
            s_batch.grad.zero_()
        s[:, chunk] = s_batch.detach().to(dtype=s.dtype)
    return s


def run():
    torch.manual_seed(0)
    W = torch.randn(6, 4)
    X = torch.randn(4, 10)
    target = torch.randn(6, 10)
    s = torch.zeros(6, 10)
    solve_s(W, X, target, s)


if __name__ == "__main__":
    run()
