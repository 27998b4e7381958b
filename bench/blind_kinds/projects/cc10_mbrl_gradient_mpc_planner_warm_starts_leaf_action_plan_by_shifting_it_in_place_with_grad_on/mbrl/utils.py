def imagined_return(model, state, plan, gamma=0.99):
    total = 0.0
    for t, action in enumerate(plan):
        state, reward = model(state, action.tanh())
        total = total + gamma ** t * reward
    return total


def shift_(plan):
    """Warm start for the next control step: drop the executed action, repeat the last one."""
    plan[:-1] = plan[1:].clone()  # L
    return plan
