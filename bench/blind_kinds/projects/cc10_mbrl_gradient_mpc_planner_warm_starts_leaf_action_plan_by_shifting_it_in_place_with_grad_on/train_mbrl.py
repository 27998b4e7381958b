import torch

from mbrl import DynamicsModel, GradientMPC, fit_model

STATE_DIM, ACT_DIM = 4, 2


def true_step(state, action):
    next_state = state + 0.1 * torch.cat([action, -action], -1)
    return next_state, -next_state.pow(2).sum(-1)


def random_data(n=32):
    states, actions = torch.randn(n, STATE_DIM), torch.rand(n, ACT_DIM) * 2 - 1
    return (states, actions, *true_step(states, actions))


def main(rounds=2, control_steps=3):
    torch.manual_seed(0)
    model = DynamicsModel(STATE_DIM, ACT_DIM)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    planner = GradientMPC(model, ACT_DIM)
    data = random_data()
    for r in range(rounds):
        loss = fit_model(model, opt, data)
        state, visited = torch.randn(STATE_DIM), []
        for _ in range(control_steps):
            action = planner.act(state)  # L
            next_state, reward = true_step(state, action)
            visited.append((state, action, next_state, reward))
            state = next_state
        new = [torch.stack(x) for x in zip(*visited)]
        data = tuple(torch.cat([d, n]) for d, n in zip(data, new))
        print(r, round(loss, 4))


if __name__ == "__main__":
    main()
