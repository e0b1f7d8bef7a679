<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>ActivationsModel</name>
    <message>
        <source>Sigmoid vs tanh</source>
        <translation>시그모이드 vs tanh</translation>
    </message>
    <message>
        <source>Step vs sigmoid: from perceptron to neuron</source>
        <translation>계단 함수 vs 시그모이드: 퍼셉트론에서 뉴런으로</translation>
    </message>
    <message>
        <source>The ReLU family</source>
        <translation>ReLU 계열</translation>
    </message>
    <message>
        <source>Smooth ReLUs: softplus, GELU, swish</source>
        <translation>부드러운 ReLU: 소프트플러스, GELU, 스위시</translation>
    </message>
    <message>
        <source>Softmax: the textbook example</source>
        <translation>소프트맥스: 교과서 예제</translation>
    </message>
    <message>
        <source>Softmax vs sigmoid on each score</source>
        <translation>소프트맥스 vs 점수마다 시그모이드</translation>
    </message>
    <message>
        <source>Softmax at low temperature</source>
        <translation>낮은 온도의 소프트맥스</translation>
    </message>
    <message>
        <source>Maxout = ReLU</source>
        <translation>맥스아웃 = ReLU</translation>
    </message>
    <message>
        <source>Maxout = absolute value</source>
        <translation>맥스아웃 = 절댓값</translation>
    </message>
    <message>
        <source>Maxout: a convex curve from 4 pieces</source>
        <translation>맥스아웃: 직선 4개로 만든 볼록 곡선</translation>
    </message>
    <message>
        <source>Vanishing gradients: sigmoid's best case z = 0</source>
        <translation>기울기 소실: 시그모이드의 최선의 경우 z = 0</translation>
    </message>
    <message>
        <source>Vanishing gradients: 20 layers, scattered z</source>
        <translation>기울기 소실: 20개 층, 흩어진 z</translation>
    </message>
    <message>
        <source>Vanishing gradients: a dead ReLU path</source>
        <translation>기울기 소실: 죽은 ReLU 경로</translation>
    </message>
    <message>
        <source>Why non-linear: circle</source>
        <translation>왜 비선형인가: 원</translation>
    </message>
    <message>
        <source>Why non-linear: XOR with ReLU</source>
        <translation>왜 비선형인가: ReLU로 푸는 XOR</translation>
    </message>
    <message>
        <source>Losses: confidently wrong</source>
        <translation>손실 함수: 자신 있게 틀린 경우</translation>
    </message>
    <message>
        <source>Losses: almost right</source>
        <translation>손실 함수: 거의 맞은 경우</translation>
    </message>
    <message numerus="yes">
        <source>Activations: %n shown, z = %1</source>
        <extracomment>how far one Right/Left press moves a probe, and one animation frame. the core modules the Why-non-linear networks call (the rest of the tab needs only ``desktop.tabs.TabSpec.core``: core.activations and core.losses)</extracomment>
        <translation>
            <numerusform>활성화 함수: %n개 표시, z = %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Softmax: %n classes, T = %1</source>
        <translation>
            <numerusform>소프트맥스: 클래스 %n개, T = %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Maxout: %n pieces, z = %1</source>
        <translation>
            <numerusform>맥스아웃: 직선 %n개, z = %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Vanishing gradients: %n layers</source>
        <translation>
            <numerusform>기울기 소실: %n개 층</numerusform>
        </translation>
    </message>
    <message>
        <source>Why non-linear: preparing the compiled core…</source>
        <translation>왜 비선형인가: 컴파일된 코어를 준비하는 중…</translation>
    </message>
    <message>
        <source>Why non-linear: not trained yet</source>
        <translation>왜 비선형인가: 아직 학습 전</translation>
    </message>
    <message>
        <source>Why non-linear: epoch %1, accuracy linear %2 %, non-linear %3 %</source>
        <translation>왜 비선형인가: 에포크 %1, 정확도 선형 %2 %, 비선형 %3 %</translation>
    </message>
    <message>
        <source>Losses: target t = %1, z = %2</source>
        <translation>손실 함수: 목표값 t = %1, z = %2</translation>
    </message>
</context>
<context>
    <name>ActivationsPage</name>
    <message>
        <source>Tick an activation on the right.</source>
        <translation>오른쪽에서 활성화 함수를 선택하세요.</translation>
    </message>
    <message>
        <source>g(z) = z if z &gt; 0, else a · z</source>
        <translation>g(z) = z (z &gt; 0일 때), 그 외 a · z</translation>
    </message>
    <message>
        <source>g′(z) = 1 if z &gt; 0, else a</source>
        <translation>g′(z) = 1 (z &gt; 0일 때), 그 외 a</translation>
    </message>
    <message>
        <source>never (slope a for z &lt; 0)</source>
        <translation>포화 없음 (z &lt; 0에서 기울기 a)</translation>
    </message>
    <message>
        <source>Like leaky ReLU, but the slope a is learned with the weights (one per channel).</source>
        <translation>Leaky ReLU와 같지만 기울기 a를 가중치와 함께 학습합니다 (채널마다 하나).</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>When to use:</source>
        <translation>언제 쓰나:</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>치역</translation>
    </message>
    <message>
        <source>Zero-centred</source>
        <translation>0 중심</translation>
    </message>
    <message>
        <source>Saturates</source>
        <translation>포화 구간</translation>
    </message>
    <message>
        <source>Largest slope g′</source>
        <translation>g′의 최댓값</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Leaky ReLU: slope α for z &lt; 0</source>
        <translation>Leaky ReLU: z &lt; 0에서의 기울기 α</translation>
    </message>
    <message>
        <source>PReLU: learned slope a (start value)</source>
        <translation>PReLU: 학습되는 기울기 a (초깃값)</translation>
    </message>
    <message>
        <source>ELU: α (the value for z → −∞ is −α)</source>
        <translation>ELU: α (z → −∞일 때 값은 −α)</translation>
    </message>
    <message>
        <source>g(z) solid,  g′(z) dashed</source>
        <translation>실선 g(z),  점선 g′(z)</translation>
    </message>
    <message>
        <source>hover or drag the dotted line · at a jump: ● the value, ○ the limit</source>
        <translation>마우스를 올리거나 점선을 끌어 보세요 · 불연속점: ● 함숫값, ○ 극한값</translation>
    </message>
</context>
<context>
    <name>ActivationsView</name>
    <message>
        <source>Activations</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>소프트맥스</translation>
    </message>
    <message>
        <source>Maxout</source>
        <translation>맥스아웃</translation>
    </message>
    <message>
        <source>Vanishing gradients</source>
        <translation>기울기 소실</translation>
    </message>
    <message>
        <source>Why non-linear?</source>
        <translation>왜 비선형인가?</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>Lecture presets</source>
        <translation>강의 프리셋</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>단원</translation>
    </message>
    <message>
        <source>→ ← step · Space play · R reset · PgUp/PgDn section</source>
        <translation>→ ← 한 단계 · Space 재생 · R 초기화 · PgUp/PgDn 단원 이동</translation>
    </message>
    <message>
        <source>Choose a preset…</source>
        <translation>프리셋 선택…</translation>
    </message>
</context>
<context>
    <name>CoreTexts</name>
    <message>
        <source>Linear</source>
        <translation>선형</translation>
    </message>
    <message>
        <source>never</source>
        <translation>포화 없음</translation>
    </message>
    <message>
        <source>Regression outputs; a network of only linear layers is still one linear map.</source>
        <translation>회귀의 출력층; 선형 층만 쌓은 신경망은 결국 하나의 선형 변환입니다.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>계단 함수</translation>
    </message>
    <message>
        <source>g(z) = 1 if z ≥ 0, else 0</source>
        <translation>g(z) = 1 (z ≥ 0일 때), 그 외 0</translation>
    </message>
    <message>
        <source>g′(z) = 0 (undefined at z = 0)</source>
        <translation>g′(z) = 0 (z = 0에서는 정의되지 않음)</translation>
    </message>
    <message>
        <source>everywhere: the gradient is 0</source>
        <translation>모든 곳: 기울기가 0</translation>
    </message>
    <message>
        <source>The classic perceptron; no gradient, so it cannot be trained by backpropagation.</source>
        <translation>고전적인 퍼셉트론; 기울기가 없어서 역전파로 학습할 수 없습니다.</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <source>both sides (|z| ≳ 5)</source>
        <translation>양쪽 끝 (|z| ≳ 5)</translation>
    </message>
    <message>
        <source>Output of a binary classifier (a probability); avoid in deep hidden layers.</source>
        <translation>이진 분류기의 출력(확률); 깊은 은닉층에는 피하세요.</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>both sides (|z| ≳ 3)</source>
        <translation>양쪽 끝 (|z| ≳ 3)</translation>
    </message>
    <message>
        <source>Small networks and ±1 targets (TensorFlow Playground's default); zero-centred.</source>
        <translation>작은 신경망과 ±1 목표값 (TensorFlow Playground의 기본값); 0 중심입니다.</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>ReLU′(z) = 1 if z &gt; 0, else 0</source>
        <translation>ReLU′(z) = 1 (z &gt; 0일 때), 그 외 0</translation>
    </message>
    <message>
        <source>for z &lt; 0 (units can die)</source>
        <translation>z &lt; 0 쪽 (뉴런이 죽을 수 있음)</translation>
    </message>
    <message>
        <source>The default for hidden layers of deep networks: cheap, no vanishing for z &gt; 0.</source>
        <translation>깊은 신경망 은닉층의 기본 선택: 계산이 싸고 z &gt; 0에서 기울기가 소실되지 않습니다.</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>g(z) = z if z &gt; 0, else α · z</source>
        <translation>g(z) = z (z &gt; 0일 때), 그 외 α · z</translation>
    </message>
    <message>
        <source>g′(z) = 1 if z &gt; 0, else α</source>
        <translation>g′(z) = 1 (z &gt; 0일 때), 그 외 α</translation>
    </message>
    <message>
        <source>never (slope α for z &lt; 0)</source>
        <translation>포화 없음 (z &lt; 0에서 기울기 α)</translation>
    </message>
    <message>
        <source>Like ReLU, but a small slope α keeps units from dying.</source>
        <translation>ReLU와 같지만 작은 기울기 α 덕분에 뉴런이 죽지 않습니다.</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>g(z) = z if z &gt; 0, else α · (e&lt;sup&gt;z&lt;/sup&gt; − 1)</source>
        <translation>g(z) = z (z &gt; 0일 때), 그 외 α · (e&lt;sup&gt;z&lt;/sup&gt; − 1)</translation>
    </message>
    <message>
        <source>g′(z) = 1 if z &gt; 0, else α · e&lt;sup&gt;z&lt;/sup&gt;</source>
        <translation>g′(z) = 1 (z &gt; 0일 때), 그 외 α · e&lt;sup&gt;z&lt;/sup&gt;</translation>
    </message>
    <message>
        <source>for z ≪ 0 (towards −α)</source>
        <translation>z ≪ 0 쪽 (−α로 수렴)</translation>
    </message>
    <message>
        <source>Smooth ReLU alternative whose mean output is closer to 0; a little more costly.</source>
        <translation>출력 평균이 0에 더 가까운 부드러운 ReLU 대안; 계산이 조금 더 비쌉니다.</translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation>소프트플러스</translation>
    </message>
    <message>
        <source>for z ≪ 0</source>
        <translation>z ≪ 0 쪽</translation>
    </message>
    <message>
        <source>A smooth ReLU; useful where a positive output (a scale, a rate) is needed.</source>
        <translation>부드러운 ReLU; 양수 출력(크기, 비율)이 필요할 때 유용합니다.</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>Hidden layers of Transformers (BERT, GPT); a smooth, slightly non-monotonic ReLU.</source>
        <translation>트랜스포머(BERT, GPT)의 은닉층; 부드럽고 약간 비단조인 ReLU입니다.</translation>
    </message>
    <message>
        <source>Swish</source>
        <translation>스위시</translation>
    </message>
    <message>
        <source>Deep CNNs (EfficientNet; also called SiLU); smooth and non-monotonic near 0.</source>
        <translation>깊은 CNN (EfficientNet; SiLU라고도 함); 0 근처에서 부드럽고 비단조입니다.</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>회귀</translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation>이진 교차 엔트로피</translation>
    </message>
    <message>
        <source>binary classification</source>
        <translation>이진 분류</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <source>multi-class classification</source>
        <translation>다중 클래스 분류</translation>
    </message>
</context>
<context>
    <name>LossesPage</name>
    <message>
        <source>Loss vs prediction p, t = %1</source>
        <extracomment>the output layer each loss is paired with (the lecture's table).</extracomment>
        <translation>예측값 p에 따른 손실, t = %1</translation>
    </message>
    <message>
        <source>z = %1 → p = σ(z) = %2, target t = %3</source>
        <translation>z = %1 → p = σ(z) = %2, 목표값 t = %3</translation>
    </message>
    <message>
        <source>sigmoid + MSE</source>
        <translation>시그모이드 + MSE</translation>
    </message>
    <message>
        <source>sigmoid + BCE</source>
        <translation>시그모이드 + BCE</translation>
    </message>
    <message>
        <source>cross-entropy's gradient is %1× larger</source>
        <translation>교차 엔트로피의 기울기가 %1배 더 큽니다</translation>
    </message>
    <message>
        <source>Which loss for which problem?</source>
        <translation>어떤 문제에 어떤 손실 함수?</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>소프트맥스</translation>
    </message>
    <message>
        <source>%1: %2 output → %3</source>
        <translation>%1: 출력층 %2 → %3</translation>
    </message>
    <message>
        <source>dL/dz through a sigmoid</source>
        <translation>시그모이드를 거친 dL/dz</translation>
    </message>
    <message>
        <source>prediction p</source>
        <translation>예측값 p</translation>
    </message>
    <message>
        <source>z (input of the sigmoid)</source>
        <translation>z (시그모이드의 입력)</translation>
    </message>
    <message>
        <source>confidently wrong</source>
        <translation>자신 있게 틀림</translation>
    </message>
    <message>
        <source>Target t</source>
        <translation>목표값 t</translation>
    </message>
    <message>
        <source>%1 on (p, 1 − p) = BCE</source>
        <translation>(p, 1 − p)에 대한 %1 = BCE</translation>
    </message>
    <message>
        <source>solid: loss L · dashed: its gradient dL/dp</source>
        <translation>실선: 손실 L · 점선: 기울기 dL/dp</translation>
    </message>
</context>
<context>
    <name>MaxoutPage</name>
    <message>
        <source>at z = %1 piece %2 is the largest: maxout = %3, slope = %4</source>
        <translation>z = %1에서 %2번 직선이 가장 큼: 맥스아웃 = %3, 기울기 = %4</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>직선 조각</translation>
    </message>
    <message>
        <source>slope w</source>
        <translation>기울기 w</translation>
    </message>
    <message>
        <source>offset b</source>
        <translation>절편 b</translation>
    </message>
    <message>
        <source>+ piece</source>
        <translation>+ 직선</translation>
    </message>
    <message>
        <source>− piece</source>
        <translation>− 직선</translation>
    </message>
    <message>
        <source>A maxout unit learns its own activation: the largest of k lines. ReLU is max(0, z): two pieces. With more pieces it can follow any convex curve. Its gradient is the slope of the winning piece (grey dash-dot line).</source>
        <translation>맥스아웃 유닛은 활성화 함수 자체를 학습합니다: k개 직선 중 가장 큰 값입니다. ReLU는 max(0, z), 즉 직선 두 개입니다. 직선이 많으면 어떤 볼록 곡선이든 따라갈 수 있습니다. 기울기는 가장 큰 직선의 기울기입니다 (회색 일점쇄선).</translation>
    </message>
</context>
<context>
    <name>NonlinearPage</name>
    <message>
        <source>accuracy %1</source>
        <translation>정확도 %1</translation>
    </message>
    <message>
        <source>epoch %1 · loss %2</source>
        <translation>에포크 %1 · 손실 %2</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Without a non-linear activation, stacked layers collapse into one linear map:</source>
        <translation>비선형 활성화 함수가 없으면 여러 층을 쌓아도 하나의 선형 변환이 됩니다:</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>hidden layers</source>
        <translation>은닉층</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>선형</translation>
    </message>
    <message>
        <source>— so the boundary (white line) stays straight, however deep the network.</source>
        <translation>— 그래서 신경망이 아무리 깊어도 결정 경계(흰 선)는 직선입니다.</translation>
    </message>
    <message>
        <source>circle</source>
        <translation>원</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>two moons</source>
        <translation>두 개의 반달</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>나선</translation>
    </message>
    <message>
        <source>+10 epochs</source>
        <translation>+10 에포크</translation>
    </message>
    <message>
        <source>Preparing the compiled core for the two networks… they appear here in a moment (only the first start of Neuralab compiles it).</source>
        <translation>두 신경망을 위한 컴파일된 코어를 준비하는 중… 잠시 후 여기에 나타납니다 (Neuralab을 처음 실행할 때만 컴파일합니다).</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
</context>
<context>
    <name>SoftmaxPage</name>
    <message>
        <source>Σ p&lt;sub&gt;k&lt;/sub&gt; = %1: always a probability distribution</source>
        <translation>Σ p&lt;sub&gt;k&lt;/sub&gt; = %1: 항상 확률 분포입니다</translation>
    </message>
    <message>
        <source>dashed: σ(z&lt;sub&gt;k&lt;/sub&gt; / T) on each score alone, Σ = %1 — not a distribution</source>
        <translation>점선: 점수마다 따로 적용한 σ(z&lt;sub&gt;k&lt;/sub&gt; / T), Σ = %1 — 확률 분포가 아닙니다</translation>
    </message>
    <message>
        <source>Logits z (drag the bars)</source>
        <translation>로짓 z (막대를 끌어 보세요)</translation>
    </message>
    <message>
        <source>Softmax acts on the &lt;b&gt;whole vector&lt;/b&gt; of scores, not on each number alone: raise one logit and every other probability falls.</source>
        <translation>소프트맥스는 숫자 하나하나가 아니라 점수 &lt;b&gt;벡터 전체&lt;/b&gt;에 작용합니다: 로짓 하나를 올리면 나머지 확률이 모두 내려갑니다.</translation>
    </message>
    <message>
        <source>↓ Probabilities p = softmax(z / T)</source>
        <translation>↓ 확률 p = softmax(z / T)</translation>
    </message>
    <message>
        <source>Logits</source>
        <translation>로짓</translation>
    </message>
    <message>
        <source>+ class</source>
        <translation>+ 클래스</translation>
    </message>
    <message>
        <source>− class</source>
        <translation>− 클래스</translation>
    </message>
    <message>
        <source>Temperature T</source>
        <translation>온도 T</translation>
    </message>
    <message>
        <source>small T → sharp (arg-max) · large T → flat (1/K)</source>
        <translation>작은 T → 뾰족함 (arg-max) · 큰 T → 평평함 (1/K)</translation>
    </message>
    <message>
        <source>Compare: sigmoid per score</source>
        <translation>비교: 점수별 시그모이드</translation>
    </message>
</context>
<context>
    <name>VanishingPage</name>
    <message numerus="yes">
        <source>After %n layers:</source>
        <extracomment>products below this are drawn at the floor (0 cannot be shown on a log axis).</extracomment>
        <translation>
            <numerusform>%n개 층을 지난 뒤:</numerusform>
        </translation>
    </message>
    <message>
        <source>×: the product became 0 (a ReLU with z ≤ 0 passes no gradient).</source>
        <translation>×: 곱이 0이 되었습니다 (z ≤ 0인 ReLU는 기울기를 전달하지 않음).</translation>
    </message>
    <message>
        <source>Backpropagation multiplies one derivative per layer. σ′ is at most 0.25, so through n sigmoid layers the gradient shrinks at least as fast as 0.25ⁿ; tanh′ ≤ 1 but is below 1 away from 0; ReLU′ is exactly 1 where the unit is active. Each layer's z is μ + σ·ε with a fixed random ε.</source>
        <translation>역전파는 층마다 도함수를 하나씩 곱합니다. σ′는 최대 0.25이므로 시그모이드 층 n개를 지나면 기울기는 적어도 0.25ⁿ만큼 빠르게 줄어듭니다; tanh′ ≤ 1이지만 0에서 멀어지면 1보다 작습니다; ReLU′는 뉴런이 활성일 때 정확히 1입니다. 각 층의 z는 고정된 난수 ε으로 만든 μ + σ·ε입니다.</translation>
    </message>
    <message>
        <source>Layers n</source>
        <translation>층 수 n</translation>
    </message>
    <message>
        <source>z centre μ</source>
        <translation>z 중심 μ</translation>
    </message>
    <message>
        <source>z spread σ</source>
        <translation>z 퍼짐 σ</translation>
    </message>
    <message>
        <source>layers passed</source>
        <translation>지나온 층 수</translation>
    </message>
    <message>
        <source>∏ g′ (log scale)</source>
        <translation>∏ g′ (로그 척도)</translation>
    </message>
</context>
</TS>