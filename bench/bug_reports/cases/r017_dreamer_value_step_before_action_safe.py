# Source: https://github.com/cross32768/Dreamer_PyTorch/issues/2
# Safe twin: the reordering from the thread -- both backward passes first, the
# optimizer steps afterwards.
import torch
import torch.nn as nn
import torch.nn.functional as F


def run():
    action_model = nn.Sequential(nn.Linear(6, 8), nn.ELU(), nn.Linear(8, 2), nn.Tanh())
    value_model = nn.Sequential(nn.Linear(6, 8), nn.ELU(), nn.Linear(8, 1))
    transition = nn.Linear(8, 6)
    action_optimizer = torch.optim.Adam(action_model.parameters(), lr=1e-4)
    value_optimizer = torch.optim.Adam(value_model.parameters(), lr=1e-4)

    state = torch.randn(4, 6)
    states = []
    for t in range(3):
        action = action_model(state)
        state = torch.tanh(transition(torch.cat([state, action], dim=1)))
        states.append(state)
    imaginated_states = torch.stack(states)
    imaginated_values = value_model(imaginated_states)
    lambda_target_values = imaginated_values * 0.99 + 0.1

    value_loss = 0.5 * F.mse_loss(imaginated_values, lambda_target_values.detach())
    value_optimizer.zero_grad()
    value_loss.backward(retain_graph=True)

    action_loss = -1 * (lambda_target_values.mean())
    action_optimizer.zero_grad()
    action_loss.backward()
    value_optimizer.step()
    action_optimizer.step()


if __name__ == "__main__":
    run()
