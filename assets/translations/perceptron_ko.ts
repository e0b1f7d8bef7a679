<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>BottomBar</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>한 단계 ▶</translation>
    </message>
    <message>
        <source>Epoch ▶▶</source>
        <translation>에포크 ▶▶</translation>
    </message>
    <message>
        <source>↺ Reset</source>
        <translation>↺ 초기화</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>Train on one sample (→)</source>
        <translation>샘플 하나로 학습 (→)</translation>
    </message>
    <message>
        <source>Train to the end of the epoch</source>
        <translation>이번 에포크 끝까지 학습</translation>
    </message>
    <message>
        <source>Train sample after sample (Space)</source>
        <translation>샘플을 하나씩 이어서 학습 (Space)</translation>
    </message>
    <message>
        <source>Back to the start of this run (R)</source>
        <translation>이번 학습의 시작점으로 돌아가기 (R)</translation>
    </message>
    <message>
        <source>Start from random weights</source>
        <translation>무작위 가중치에서 시작</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>프리셋…</translation>
    </message>
    <message>
        <source>⏸ Pause</source>
        <translation>⏸ 일시 정지</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 재생</translation>
    </message>
</context>
<context>
    <name>PerceptronModel</name>
    <message>
        <source>AND from zero</source>
        <translation>AND: 0에서 시작</translation>
    </message>
    <message>
        <source>OR from zero</source>
        <translation>OR: 0에서 시작</translation>
    </message>
    <message>
        <source>NAND from zero</source>
        <translation>NAND: 0에서 시작</translation>
    </message>
    <message>
        <source>NOR from zero</source>
        <translation>NOR: 0에서 시작</translation>
    </message>
    <message>
        <source>XOR from zero (never converges)</source>
        <translation>XOR: 0에서 시작 (수렴하지 않음)</translation>
    </message>
    <message>
        <source>XOR with two layers</source>
        <translation>두 층으로 푸는 XOR</translation>
    </message>
    <message>
        <source>Lecture: OR = step(−0.5 + x1 + x2)</source>
        <translation>강의 예제: OR = step(−0.5 + x1 + x2)</translation>
    </message>
    <message>
        <source>Lecture: AND = step(−1.5 + x1 + x2)</source>
        <translation>강의 예제: AND = step(−1.5 + x1 + x2)</translation>
    </message>
    <message>
        <source>Lecture: NAND = step(1.5 − x1 − x2)</source>
        <translation>강의 예제: NAND = step(1.5 − x1 − x2)</translation>
    </message>
    <message>
        <source>Worked example: w0 = 1, W = (3, −2), X = (−1, 2)</source>
        <translation>계산 예제: w0 = 1, W = (3, −2), X = (−1, 2)</translation>
    </message>
    <message>
        <source>AND, small learning rate (η = 0.1)</source>
        <translation>AND, 작은 학습률 (η = 0.1)</translation>
    </message>
    <message>
        <source>AND with the sigmoid</source>
        <translation>시그모이드로 배우는 AND</translation>
    </message>
    <message>
        <source>XOR with two layers: h1 = NAND, h2 = OR, y = AND(h1, h2)</source>
        <translation>두 층으로 푸는 XOR: h1 = NAND, h2 = OR, y = AND(h1, h2)</translation>
    </message>
    <message>
        <source>%1: converged after %2 epochs</source>
        <translation>%1: %2 에포크 만에 수렴</translation>
    </message>
    <message>
        <source>%1: not linearly separable, learning never converges</source>
        <translation>%1: 선형 분리가 불가능하여 학습이 수렴하지 않음</translation>
    </message>
    <message>
        <source>%1: epoch %2, sample %3 of 4</source>
        <translation>%1: 에포크 %2, 샘플 %3/4</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>사용자 정의</translation>
    </message>
</context>
<context>
    <name>PerceptronView</name>
    <message>
        <source>Custom gate: click a t cell to flip it.</source>
        <translation>사용자 정의 게이트: t 칸을 클릭하면 값이 바뀝니다.</translation>
    </message>
    <message>
        <source>Click a row or a point: the neuron shows it.</source>
        <translation>행이나 점을 클릭하면 뉴런이 그 입력을 계산합니다.</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>편향</translation>
    </message>
    <message>
        <source>Input space (x₁, x₂)</source>
        <translation>입력 공간 (x₁, x₂)</translation>
    </message>
    <message>
        <source>Hidden space (h₁, h₂)</source>
        <translation>은닉 공간 (h₁, h₂)</translation>
    </message>
    <message>
        <source>Press Step (→) to train on one sample.</source>
        <translation>한 단계(→)를 누르면 샘플 하나로 학습합니다.</translation>
    </message>
    <message>
        <source>Epoch %1, sample %2 of 4</source>
        <translation>에포크 %1, 샘플 %2/4</translation>
    </message>
    <message>
        <source>Errors this epoch: %1</source>
        <translation>이번 에포크 오류: %1</translation>
    </message>
    <message>
        <source>Two layers solve XOR: h₁ = NAND(x₁, x₂) and h₂ = OR(x₁, x₂) move the points so that one line, y = AND(h₁, h₂), splits them.</source>
        <translation>두 층이면 XOR을 풀 수 있습니다: h₁ = NAND(x₁, x₂)와 h₂ = OR(x₁, x₂)가 점들을 옮겨 놓으면 직선 하나, y = AND(h₁, h₂)로 나눌 수 있습니다.</translation>
    </message>
    <message>
        <source>Back to one neuron</source>
        <translation>뉴런 하나로 돌아가기</translation>
    </message>
    <message>
        <source>XOR is not linearly separable: no single line splits these points</source>
        <translation>XOR은 선형 분리가 불가능합니다: 직선 하나로는 이 점들을 나눌 수 없습니다</translation>
    </message>
    <message>
        <source>These targets are not linearly separable: no single line splits these points</source>
        <translation>이 목표값은 선형 분리가 불가능합니다: 직선 하나로는 이 점들을 나눌 수 없습니다</translation>
    </message>
    <message>
        <source>After epoch %1 the weights are back where they started: training goes round in circles.</source>
        <translation>에포크 %1이 끝나자 가중치가 처음 값으로 돌아왔습니다: 학습이 같은 자리를 맴돕니다.</translation>
    </message>
    <message>
        <source>After epoch %1 the weights are back where they were after epoch %2: training goes round in circles.</source>
        <translation>에포크 %1이 끝나자 가중치가 에포크 %2 뒤의 값으로 돌아왔습니다: 학습이 같은 자리를 맴돕니다.</translation>
    </message>
    <message>
        <source>%1 epochs and still no epoch without errors.</source>
        <translation>%1 에포크가 지나도록 오류 없는 에포크가 한 번도 없습니다.</translation>
    </message>
    <message>
        <source>Solve with two layers</source>
        <translation>두 층으로 풀기</translation>
    </message>
    <message>
        <source>Converged after %1 epochs: every point is on the correct side of the line.</source>
        <translation>%1 에포크 만에 수렴했습니다: 모든 점이 직선의 올바른 쪽에 있습니다.</translation>
    </message>
    <message>
        <source>Last update:</source>
        <translation>마지막 갱신:</translation>
    </message>
    <message>
        <source>wrong: update</source>
        <translation>틀림: 갱신</translation>
    </message>
    <message>
        <source>right: no change</source>
        <translation>맞음: 변화 없음</translation>
    </message>
    <message>
        <source>right, still a small update</source>
        <translation>맞음, 그래도 조금 갱신</translation>
    </message>
    <message>
        <source>Sample x = %1, t = %2</source>
        <translation>샘플 x = %1, t = %2</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Truth table</source>
        <translation>진리표</translation>
    </message>
    <message>
        <source>target</source>
        <translation>목표값</translation>
    </message>
    <message>
        <source>output of the neuron</source>
        <translation>뉴런의 출력</translation>
    </message>
    <message>
        <source>classified right?</source>
        <translation>올바르게 분류했나?</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습 진행</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>errors</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Weights and bias</source>
        <translation>가중치와 편향</translation>
    </message>
    <message>
        <source>Or drag the line on the plane: the line slides, the round handles turn it.</source>
        <translation>평면의 직선을 끌어도 됩니다: 직선을 끌면 평행 이동하고, 둥근 손잡이를 끌면 회전합니다.</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>학습률 η</translation>
    </message>
    <message>
        <source>Play speed (samples/s)</source>
        <translation>재생 속도 (샘플/초)</translation>
    </message>
    <message>
        <source>Calculator: input x</source>
        <translation>계산기: 입력 x</translation>
    </message>
    <message>
        <source>Any numbers: the neuron computes z and y for them.</source>
        <translation>아무 숫자나 넣으면 뉴런이 z와 y를 계산합니다.</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Gate:</source>
        <translation>게이트:</translation>
    </message>
    <message>
        <source>g = step</source>
        <translation>g = 계단 함수</translation>
    </message>
    <message>
        <source>g = σ</source>
        <translation>g = 시그모이드</translation>
    </message>
    <message>
        <source>Activation function g of the neuron: the step or the sigmoid σ(z) = 1 / (1 + e^−z)</source>
        <translation>뉴런의 활성화 함수 g: 계단 함수 또는 시그모이드 σ(z) = 1 / (1 + e^−z)</translation>
    </message>
</context>
</TS>
