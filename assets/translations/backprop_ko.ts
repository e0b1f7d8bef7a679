<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>BackpropModel</name>
    <message>
        <source>The chain rule: q = x + y, then f = q · z.</source>
        <extracomment>data (inputs x, targets y): the lesson does not follow gradients into it. one line on what this graph shows (English; translated in the "BackpropModel" context). which activation choices apply: () none, ("hidden",) or ("hidden", "output").</extracomment>
        <translation>연쇄 법칙: 먼저 q = x + y, 그다음 f = q · z.</translation>
    </message>
    <message>
        <source>Add distributes the gradient, multiply swaps the inputs, max routes the gradient to the larger input.</source>
        <translation>덧셈은 기울기를 그대로 나눠 주고, 곱셈은 입력을 맞바꾸며, max는 기울기를 더 큰 입력으로만 보냅니다.</translation>
    </message>
    <message>
        <source>x is used twice: the gradients of both branches add up.</source>
        <translation>x가 두 번 쓰입니다: 두 갈래의 기울기가 더해집니다.</translation>
    </message>
    <message>
        <source>A sigmoid neuron: the sigmoid's local gradient is f(1 − f).</source>
        <translation>시그모이드 뉴런: 시그모이드의 국소 기울기는 f(1 − f)입니다.</translation>
    </message>
    <message>
        <source>The same neuron with the sigmoid taken apart into ×(−1), exp, +1 and 1/x: the gradients are the same.</source>
        <translation>같은 뉴런에서 시그모이드를 ×(−1), exp, +1, 1/x로 풀어 쓴 그래프: 기울기는 똑같습니다.</translation>
    </message>
    <message>
        <source>The squared error of a linear unit on one example.</source>
        <translation>예제 하나에 대한 선형 유닛의 제곱 오차.</translation>
    </message>
    <message>
        <source>One input, one hidden neuron, one output: ∂J/∂w₂ and ∂J/∂w₁ term by term.</source>
        <translation>입력 하나, 은닉 뉴런 하나, 출력 하나: ∂J/∂w₂와 ∂J/∂w₁을 항 하나하나 계산합니다.</translation>
    </message>
    <message>
        <source>Forward values, the loss, the deltas layer by layer, each weight's gradient, then the update w ← w − η ∂J/∂w.</source>
        <translation>순전파 값, 손실, 층별 델타, 각 가중치의 기울기, 그리고 갱신 w ← w − η ∂J/∂w.</translation>
    </message>
    <message>
        <source>The classic worked example (M. Mazur): J = 0.298 at the start, ∂J/∂w₅ = 0.0822, and w₅ becomes 0.359.</source>
        <translation>널리 알려진 풀이 예제(M. Mazur): 처음 J = 0.298, ∂J/∂w₅ = 0.0822, 갱신 후 w₅ = 0.359.</translation>
    </message>
    <message>
        <source>linear</source>
        <extracomment>activations a lesson can pick (core.autograd.Value.activation).</extracomment>
        <translation>선형</translation>
    </message>
    <message>
        <source>Chain rule: f = (x + y) · z</source>
        <extracomment>the presets' English names, for lupdate (assets/presets/backprop.json uses the same text).</extracomment>
        <translation>연쇄 법칙: f = (x + y) · z</translation>
    </message>
    <message>
        <source>Gate patterns: add, multiply, max</source>
        <translation>게이트 패턴: 덧셈, 곱셈, max</translation>
    </message>
    <message>
        <source>Max gate on a tie</source>
        <translation>동점일 때의 max 게이트</translation>
    </message>
    <message>
        <source>A value used twice: gradients add</source>
        <translation>두 번 쓰인 값: 기울기가 더해짐</translation>
    </message>
    <message>
        <source>Sigmoid neuron</source>
        <translation>시그모이드 뉴런</translation>
    </message>
    <message>
        <source>Sigmoid neuron from exp, add and 1/x</source>
        <translation>exp, 덧셈, 1/x로 만든 시그모이드 뉴런</translation>
    </message>
    <message>
        <source>Squared error of a linear unit</source>
        <translation>선형 유닛의 제곱 오차</translation>
    </message>
    <message>
        <source>One hidden neuron: dJ/dw₂ and dJ/dw₁</source>
        <translation>은닉 뉴런 하나: dJ/dw₂와 dJ/dw₁</translation>
    </message>
    <message>
        <source>One hidden neuron with ReLU</source>
        <translation>ReLU 은닉 뉴런 하나</translation>
    </message>
    <message>
        <source>2-2-1 network, one example</source>
        <translation>2-2-1 신경망, 예제 하나</translation>
    </message>
    <message>
        <source>2-2-1 network, tanh hidden, linear output</source>
        <translation>2-2-1 신경망, tanh 은닉층, 선형 출력</translation>
    </message>
    <message>
        <source>2-2-2 network: the classic worked example</source>
        <translation>2-2-2 신경망: 널리 알려진 풀이 예제</translation>
    </message>
    <message>
        <source>Iteration %1, step %2 of %3, loss J = %4</source>
        <extracomment>inputs, weights and targets are kept within ± this (the spin boxes' range).</extracomment>
        <translation>반복 %1, 단계 %2/%3, 손실 J = %4</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>단계 %1/%2</translation>
    </message>
</context>
<context>
    <name>BackpropView</name>
    <message>
        <source>⏸ Pause</source>
        <translation>⏸ 일시정지</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 재생</translation>
    </message>
    <message>
        <source>Iteration %1, step %2 of %3</source>
        <translation>반복 %1, 단계 %2/%3</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>단계 %1/%2</translation>
    </message>
    <message>
        <source>The inputs. Press → to compute the forward pass.</source>
        <translation>입력값입니다. →를 눌러 순전파를 계산하세요.</translation>
    </message>
    <message>
        <source>Forward pass, step %1 of %2: compute %3</source>
        <translation>순전파, 단계 %1/%2: %3 계산</translation>
    </message>
    <message>
        <source>Backward pass: start at the output, its gradient is 1</source>
        <translation>역전파: 출력에서 시작하며, 출력의 기울기는 1입니다</translation>
    </message>
    <message>
        <source>Backward pass, step %1 of %2: the gradient flows from %3 into %4</source>
        <translation>역전파, 단계 %1/%2: 기울기가 %3에서 %4(으)로 흐릅니다</translation>
    </message>
    <message>
        <source>Done: the gradient of the output with respect to every input</source>
        <translation>완료: 모든 입력에 대한 출력의 기울기</translation>
    </message>
    <message>
        <source>Iteration %1: the network with its current weights</source>
        <translation>반복 %1: 현재 가중치를 가진 신경망</translation>
    </message>
    <message>
        <source>Iteration %1, forward pass: neuron %2</source>
        <translation>반복 %1, 순전파: 뉴런 %2</translation>
    </message>
    <message>
        <source>Iteration %1: the loss J</source>
        <translation>반복 %1: 손실 J</translation>
    </message>
    <message>
        <source>Iteration %1, backward pass: the delta of hidden neuron %2</source>
        <translation>반복 %1, 역전파: 은닉 뉴런 %2의 델타</translation>
    </message>
    <message>
        <source>Iteration %1, backward pass: the delta of output neuron %2</source>
        <translation>반복 %1, 역전파: 출력 뉴런 %2의 델타</translation>
    </message>
    <message>
        <source>Iteration %1: the gradients of the weights into %2</source>
        <translation>반복 %1: %2(으)로 들어가는 가중치들의 기울기</translation>
    </message>
    <message>
        <source>Iteration %1: update the hidden layer</source>
        <translation>반복 %1: 은닉층 갱신</translation>
    </message>
    <message>
        <source>Iteration %1: update the output layer</source>
        <translation>반복 %1: 출력층 갱신</translation>
    </message>
    <message>
        <source>The loss went down: %1 before the update, %2 now</source>
        <translation>손실이 줄었습니다: 갱신 전 %1, 지금 %2</translation>
    </message>
    <message>
        <source>The loss went up: %1 before the update, %2 now</source>
        <translation>손실이 늘었습니다: 갱신 전 %1, 지금 %2</translation>
    </message>
    <message>
        <source>The deltas of the next layer flow back through the weights that have not been updated yet.</source>
        <translation>다음 층의 델타가 아직 갱신되지 않은 가중치를 거쳐 거꾸로 흐릅니다.</translation>
    </message>
    <message>
        <source>All gradients were computed first; now every weight moves against its gradient.</source>
        <translation>기울기를 모두 먼저 계산했습니다. 이제 모든 가중치가 기울기의 반대 방향으로 움직입니다.</translation>
    </message>
    <message>
        <source>Add gate: distributes the gradient unchanged to its inputs.</source>
        <translation>덧셈 게이트: 기울기를 그대로 모든 입력에 나눠 줍니다.</translation>
    </message>
    <message>
        <source>Subtract gate: passes the gradient on, negated for the second input.</source>
        <translation>뺄셈 게이트: 기울기를 그대로 전달하되, 두 번째 입력에는 부호를 바꿔 전달합니다.</translation>
    </message>
    <message>
        <source>Multiply gate: swaps the inputs: each input's local gradient is the other input.</source>
        <translation>곱셈 게이트: 입력을 맞바꿉니다. 각 입력의 국소 기울기는 다른 쪽 입력값입니다.</translation>
    </message>
    <message>
        <source>Max gate: routes the whole gradient to the larger input; the other gets 0.</source>
        <translation>max 게이트: 기울기 전체를 더 큰 입력으로 보내고, 다른 입력은 0을 받습니다.</translation>
    </message>
    <message>
        <source>Sigmoid gate: local gradient σ(1 − σ), at most 0.25.</source>
        <translation>시그모이드 게이트: 국소 기울기 σ(1 − σ), 최대 0.25.</translation>
    </message>
    <message>
        <source>Tanh gate: local gradient 1 − tanh², at most 1.</source>
        <translation>tanh 게이트: 국소 기울기 1 − tanh², 최대 1.</translation>
    </message>
    <message>
        <source>ReLU gate: passes the gradient where its input is positive, else 0.</source>
        <translation>ReLU 게이트: 입력이 양수이면 기울기를 그대로 전달하고, 아니면 0입니다.</translation>
    </message>
    <message>
        <source>Exp gate: the local gradient is its own output.</source>
        <translation>exp 게이트: 국소 기울기는 자기 자신의 출력값입니다.</translation>
    </message>
    <message>
        <source>Square gate: local gradient 2x.</source>
        <translation>제곱 게이트: 국소 기울기 2x.</translation>
    </message>
    <message>
        <source>1/x gate: local gradient −1/x².</source>
        <translation>1/x 게이트: 국소 기울기 −1/x².</translation>
    </message>
    <message>
        <source>Squared error: local gradient ŷ − y.</source>
        <translation>제곱 오차: 국소 기울기 ŷ − y.</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>그래프</translation>
    </message>
    <message>
        <source>Inputs (edit them)</source>
        <translation>입력값 (수정 가능)</translation>
    </message>
    <message>
        <source>Lecture values</source>
        <translation>강의 예제 값</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>학습률 η</translation>
    </message>
    <message>
        <source>Hidden activation g</source>
        <translation>은닉층 활성화 함수 g</translation>
    </message>
    <message>
        <source>Output activation</source>
        <translation>출력층 활성화 함수</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>one step at a time</source>
        <translation>한 단계씩</translation>
    </message>
    <message>
        <source>whole iterations</source>
        <translation>반복 단위로</translation>
    </message>
    <message>
        <source>Seconds per step</source>
        <translation>단계당 초</translation>
    </message>
    <message>
        <source>Step back (Left arrow)</source>
        <translation>한 단계 뒤로 (왼쪽 화살표)</translation>
    </message>
    <message>
        <source>Step forward (Right arrow)</source>
        <translation>한 단계 앞으로 (오른쪽 화살표)</translation>
    </message>
    <message>
        <source>loss J</source>
        <translation>손실 J</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>value (forward)</source>
        <translation>값 (순전파)</translation>
    </message>
    <message>
        <source>gradient (backward)</source>
        <translation>기울기 (역전파)</translation>
    </message>
    <message>
        <source>being computed</source>
        <translation>계산 중</translation>
    </message>
</context>
</TS>