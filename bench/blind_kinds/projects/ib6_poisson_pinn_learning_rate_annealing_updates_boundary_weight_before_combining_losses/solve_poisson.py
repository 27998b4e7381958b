import torch

from pinn import FCN, Solver


def main(iterations=3):
    torch.manual_seed(0)
    solver = Solver(FCN((1, 20, 20, 1)), lr=1e-3, update_every=1)
    for it in range(iterations):
        print(it, solver.step(it))  # L
    print(solver.history[-1])


if __name__ == "__main__":
    main()
