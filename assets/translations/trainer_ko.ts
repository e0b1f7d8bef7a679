<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>ActivationNames</name>
    <message>
        <source>Linear</source>
        <translation>선형</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>계단</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation>소프트플러스</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>Swish</source>
        <translation>스위시</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <source>Load points</source>
        <translation>점 불러오기</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 파일 (*.csv);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Save points</source>
        <translation>점 저장하기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>점 %1개</translation>
    </message>
    <message>
        <source>per layer</source>
        <translation>층마다 다름</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Training data: %1 %</source>
        <translation>훈련 데이터: %1 %</translation>
    </message>
    <message>
        <source>Noise: %1</source>
        <translation>잡음: %1</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Your own points</source>
        <translation>직접 찍은 점</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Problem type</source>
        <translation>문제 유형</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>최적화 알고리즘</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>정규화</translation>
    </message>
    <message>
        <source>Regularization rate</source>
        <translation>정규화 계수</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Stop at training loss</source>
        <translation>훈련 손실이 이 값에 닿으면 정지</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>정지 시점</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>다시 생성</translation>
    </message>
    <message>
        <source>New points of the same dataset (a new seed)</source>
        <translation>같은 데이터셋의 새 점들 (새 시드)</translation>
    </message>
    <message>
        <source>Click the output map to add a point of the chosen class; Shift+click adds the other class; right-click deletes.</source>
        <translation>출력 맵을 클릭하면 선택한 클래스의 점이 추가됩니다. Shift+클릭은 다른 클래스, 오른쪽 클릭은 삭제입니다.</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>주황</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>파랑</translation>
    </message>
    <message>
        <source>green</source>
        <translation>초록</translation>
    </message>
    <message>
        <source>purple</source>
        <translation>보라</translation>
    </message>
    <message>
        <source>Add points of the %1 class</source>
        <translation>%1 클래스의 점 추가</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Remove every point, to draw your own</source>
        <translation>모든 점을 지우고 직접 그리기</translation>
    </message>
    <message>
        <source>Load CSV…</source>
        <translation>CSV 불러오기…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>CSV 저장…</translation>
    </message>
    <message>
        <source>all (full batch)</source>
        <translation>전체 (풀 배치)</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>회귀</translation>
    </message>
    <message>
        <source>Squared error ½(o − t)²</source>
        <translation>제곱 오차 ½(o − t)²</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>최대한 빠르게</translation>
    </message>
    <message>
        <source>%1 epochs/s (the playground's pace)</source>
        <translation>초당 %1 에포크 (플레이그라운드 속도)</translation>
    </message>
    <message>
        <source>%1 epochs/s</source>
        <translation>초당 %1 에포크</translation>
    </message>
    <message>
        <source>never</source>
        <translation>안 함</translation>
    </message>
    <message>
        <source>%1 epochs</source>
        <translation>%1 에포크 후</translation>
    </message>
</context>
<context>
    <name>GradientPanel</name>
    <message>
        <source>out</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>First layer / last layer: %1</source>
        <translation>첫 층 / 마지막 층: %1</translation>
    </message>
    <message>
        <source>(vanishing: the first layers learn slowly)</source>
        <translation>(기울기 소실: 앞쪽 층이 느리게 학습)</translation>
    </message>
    <message>
        <source>(exploding)</source>
        <translation>(기울기 폭주)</translation>
    </message>
    <message>
        <source>How large the loss gradient is for each layer's weights (root mean square, log scale). Bars that shrink towards the input are vanishing gradients.</source>
        <translation>각 층 가중치에 대한 손실 기울기의 크기 (제곱평균제곱근, 로그 눈금). 입력 쪽으로 갈수록 막대가 줄어들면 기울기 소실입니다.</translation>
    </message>
    <message>
        <source>weights into layer</source>
        <translation>가중치 (들어가는 층)</translation>
    </message>
    <message>
        <source>RMS gradient</source>
        <translation>RMS 기울기</translation>
    </message>
</context>
<context>
    <name>HiddenSpacePanel</name>
    <message>
        <source>Layer %1</source>
        <translation>%1층</translation>
    </message>
    <message>
        <source>x:</source>
        <translation>x:</translation>
    </message>
    <message>
        <source>y:</source>
        <translation>y:</translation>
    </message>
    <message>
        <source>The neuron on the horizontal axis</source>
        <translation>가로축에 놓을 뉴런</translation>
    </message>
    <message>
        <source>The neuron on the vertical axis</source>
        <translation>세로축에 놓을 뉴런</translation>
    </message>
    <message>
        <source>Next pair</source>
        <translation>다음 쌍</translation>
    </message>
    <message>
        <source>Next layer</source>
        <translation>다음 층</translation>
    </message>
    <message>
        <source>The input plane's grid and the points, carried through the network to two neurons of a hidden layer. Watch the network bend the plane until a straight line (dashed: the output's boundary) separates the classes.</source>
        <translation>입력 평면의 격자와 점들을 신경망에 통과시켜 은닉층의 두 뉴런 값으로 나타낸 것입니다. 신경망이 평면을 휘어서 직선(점선: 출력의 경계)으로 클래스를 나눌 수 있게 되는 과정을 보세요.</translation>
    </message>
    <message>
        <source>Add a hidden layer to see the hidden space.</source>
        <translation>은닉 공간을 보려면 은닉층을 추가하세요.</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message>
        <source>Accuracy: training %1 · test %2</source>
        <translation>정확도: 훈련 %1 · 테스트 %2</translation>
    </message>
    <message>
        <source>R²: training %1 · test %2&lt;br&gt;RMSE: training %3 · test %4</source>
        <translation>R²: 훈련 %1 · 테스트 %2&lt;br&gt;RMSE: 훈련 %3 · 테스트 %4</translation>
    </message>
    <message>
        <source>Rows: the true class; columns: the predicted class.</source>
        <translation>행: 실제 클래스, 열: 예측한 클래스.</translation>
    </message>
    <message>
        <source>Training points</source>
        <translation>훈련 데이터</translation>
    </message>
    <message>
        <source>Test points</source>
        <translation>테스트 데이터</translation>
    </message>
    <message>
        <source>Rows: the true class; columns: the predicted class. The diagonal counts the points classified right.</source>
        <translation>행: 실제 클래스, 열: 예측한 클래스. 대각선이 올바르게 분류된 점의 수입니다.</translation>
    </message>
    <message>
        <source>true value</source>
        <translation>실제 값</translation>
    </message>
    <message>
        <source>network's output</source>
        <translation>신경망의 출력</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>input</source>
        <extracomment>thumbnail resolution (every other point of the 100 x 100 grid)</extracomment>
        <translation>입력</translation>
    </message>
    <message>
        <source>output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>hidden layer %1</source>
        <translation>은닉층 %1</translation>
    </message>
    <message>
        <source>Weight %1 → %2: &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;Click to type a new value.</source>
        <translation>가중치 %1 → %2: &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;클릭해서 새 값을 입력하세요.</translation>
    </message>
    <message>
        <source>Bias of %1: &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;Click to type a new value.</source>
        <translation>%1의 편향: &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;클릭해서 새 값을 입력하세요.</translation>
    </message>
    <message>
        <source>Input %1 (on): click to switch it off.</source>
        <translation>입력 %1 (켜짐): 클릭하면 꺼집니다.</translation>
    </message>
    <message>
        <source>Input %1 (off): click to switch it on.</source>
        <translation>입력 %1 (꺼짐): 클릭하면 켜집니다.</translation>
    </message>
    <message>
        <source>%1: its output over the input plane (shown large in the output view while the pointer is here).</source>
        <translation>%1: 입력 평면 위에서의 출력 (포인터를 올려 두면 출력 화면에 크게 보입니다).</translation>
    </message>
    <message>
        <source>the output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>output %1</source>
        <translation>출력 %1</translation>
    </message>
    <message>
        <source>neuron %1 of layer %2</source>
        <translation>%2층의 뉴런 %1</translation>
    </message>
    <message>
        <source>Hidden layers: %1</source>
        <translation>은닉층: %1개</translation>
    </message>
    <message>
        <source>Add a hidden layer</source>
        <translation>은닉층 추가</translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation>마지막 은닉층 제거</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>특성</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Add a neuron to this layer</source>
        <translation>이 층에 뉴런 추가</translation>
    </message>
    <message>
        <source>Remove a neuron from this layer</source>
        <translation>이 층에서 뉴런 제거</translation>
    </message>
    <message>
        <source>Activation of this layer: %1</source>
        <translation>이 층의 활성화 함수: %1</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>편향</translation>
    </message>
</context>
<context>
    <name>OutputPlot</name>
    <message>
        <source>input feature</source>
        <translation>입력 특성</translation>
    </message>
    <message>
        <source>output neuron</source>
        <translation>출력 뉴런</translation>
    </message>
    <message>
        <source>neuron %1 of hidden layer %2</source>
        <translation>은닉층 %2의 뉴런 %1</translation>
    </message>
</context>
<context>
    <name>TrainerModel</name>
    <message>
        <source>At most %1 points.</source>
        <translation>점은 최대 %1개입니다.</translation>
    </message>
    <message>
        <source>Could not load the points: %1</source>
        <translation>점을 불러오지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Could not save the points: %1</source>
        <translation>점을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The network needs at least one input.</source>
        <translation>신경망에는 입력이 하나 이상 있어야 합니다.</translation>
    </message>
    <message>
        <source>At most %1 hidden layers.</source>
        <translation>은닉층은 최대 %1개입니다.</translation>
    </message>
    <message>
        <source>At most %1 neurons in a layer.</source>
        <translation>한 층의 뉴런은 최대 %1개입니다.</translation>
    </message>
    <message>
        <source>A layer needs at least one neuron: remove the layer instead.</source>
        <translation>층에는 뉴런이 하나 이상 있어야 합니다. 층을 제거하세요.</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>원</translation>
    </message>
    <message>
        <source>Exclusive or</source>
        <translation>배타적 논리합 (XOR)</translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation>가우시안</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>나선</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>초승달</translation>
    </message>
    <message>
        <source>3-arm spiral</source>
        <translation>3갈래 나선</translation>
    </message>
    <message>
        <source>4-arm spiral</source>
        <translation>4갈래 나선</translation>
    </message>
    <message>
        <source>3 blobs</source>
        <translation>덩어리 3개</translation>
    </message>
    <message>
        <source>4 blobs</source>
        <translation>덩어리 4개</translation>
    </message>
    <message>
        <source>Plane</source>
        <translation>평면</translation>
    </message>
    <message>
        <source>Multi-Gaussian</source>
        <translation>다중 가우시안</translation>
    </message>
    <message>
        <source>Your own points</source>
        <extracomment>the frame period we pace for</extracomment>
        <translation>직접 찍은 점</translation>
    </message>
    <message>
        <source>There are no training points: pick a dataset or click the output map to add some.</source>
        <translation>훈련 데이터가 없습니다. 데이터셋을 고르거나 출력 맵을 클릭해 점을 추가하세요.</translation>
    </message>
    <message>
        <source>All training points are of one class: add points of another class.</source>
        <translation>훈련 데이터가 모두 한 클래스입니다. 다른 클래스의 점을 추가하세요.</translation>
    </message>
    <message>
        <source>Circle: the playground's default network</source>
        <translation>원: 플레이그라운드 기본 신경망</translation>
    </message>
    <message>
        <source>Two hidden layers of tanh neurons learn a round boundary from x1 and x2.</source>
        <translation>tanh 뉴런으로 된 은닉층 두 개가 x1, x2로부터 둥근 경계를 학습합니다.</translation>
    </message>
    <message>
        <source>Circle without hidden layers</source>
        <translation>은닉층 없이 원 분류</translation>
    </message>
    <message>
        <source>One neuron draws one straight line: it cannot cut a circle out of the plane.</source>
        <translation>뉴런 하나는 직선 하나만 그릴 수 있어 평면에서 원을 잘라낼 수 없습니다.</translation>
    </message>
    <message>
        <source>Circle with the features x1² and x2²</source>
        <translation>특성 x1², x2²로 원 분류</translation>
    </message>
    <message>
        <source>With squared inputs the circle becomes a straight line: no hidden layer needed.</source>
        <translation>입력을 제곱하면 원이 직선이 되므로 은닉층이 필요 없습니다.</translation>
    </message>
    <message>
        <source>XOR without hidden layers</source>
        <translation>은닉층 없이 XOR</translation>
    </message>
    <message>
        <source>No straight line separates XOR: a single neuron stays near chance.</source>
        <translation>XOR은 직선 하나로 나눌 수 없어서 뉴런 하나로는 찍는 수준에 머뭅니다.</translation>
    </message>
    <message>
        <source>XOR with the feature x1·x2</source>
        <translation>특성 x1·x2로 XOR</translation>
    </message>
    <message>
        <source>The product x1·x2 has the sign of XOR: one neuron is enough.</source>
        <translation>곱 x1·x2의 부호가 곧 XOR이므로 뉴런 하나면 충분합니다.</translation>
    </message>
    <message>
        <source>XOR with one hidden layer</source>
        <translation>은닉층 하나로 XOR</translation>
    </message>
    <message>
        <source>Hidden neurons combine straight lines into the XOR pattern.</source>
        <translation>은닉 뉴런들이 직선 여러 개를 조합해 XOR 패턴을 만듭니다.</translation>
    </message>
    <message>
        <source>Spiral with one small layer</source>
        <translation>작은 층 하나로 나선</translation>
    </message>
    <message>
        <source>Three neurons are far too few for two interleaved spirals.</source>
        <translation>뉴런 세 개로는 서로 감긴 두 나선을 나누기에 턱없이 부족합니다.</translation>
    </message>
    <message>
        <source>Spiral needs depth</source>
        <translation>나선은 깊은 신경망이 필요하다</translation>
    </message>
    <message>
        <source>Several layers of neurons unroll the spirals (this takes a few thousand epochs).</source>
        <translation>여러 층의 뉴런이 나선을 풀어냅니다 (수천 에포크가 걸립니다).</translation>
    </message>
    <message>
        <source>Learning rate too large: it diverges</source>
        <translation>학습률이 너무 크면: 발산</translation>
    </message>
    <message>
        <source>Each step overshoots the minimum further: the loss grows about sevenfold every epoch until the numbers blow up. The last finite weights are kept.</source>
        <translation>매 스텝이 최솟값을 점점 더 크게 지나칩니다. 손실이 에포크마다 약 7배씩 커지다가 수치가 폭발합니다. 마지막 유한한 가중치는 보존됩니다.</translation>
    </message>
    <message>
        <source>Learning rate too large: it bounces</source>
        <translation>학습률이 너무 크면: 진동</translation>
    </message>
    <message>
        <source>Steps of 3 jump across the valley of the loss again and again: the boundary never settles.</source>
        <translation>크기 3의 스텝이 손실의 골짜기를 계속 건너뛰어 경계가 자리를 잡지 못합니다.</translation>
    </message>
    <message>
        <source>Learning rate too small: it crawls</source>
        <translation>학습률이 너무 작으면: 거북이 걸음</translation>
    </message>
    <message>
        <source>Tiny steps: after hundreds of epochs the loss has hardly moved.</source>
        <translation>스텝이 아주 작아서 수백 에포크가 지나도 손실이 거의 줄지 않습니다.</translation>
    </message>
    <message>
        <source>Overfitting lab</source>
        <translation>과적합 실험실</translation>
    </message>
    <message>
        <source>Few noisy points and a big network: the training loss falls while the test loss rises.</source>
        <translation>잡음 섞인 적은 데이터와 큰 신경망: 훈련 손실은 줄지만 테스트 손실은 늘어납니다.</translation>
    </message>
    <message>
        <source>Overfitting lab with L2</source>
        <translation>과적합 실험실 + L2</translation>
    </message>
    <message>
        <source>L2 keeps the weights small: a smoother boundary and a smaller gap between training and test loss.</source>
        <translation>L2는 가중치를 작게 유지해 경계가 매끄러워지고 훈련 손실과 테스트 손실의 차이가 줄어듭니다.</translation>
    </message>
    <message>
        <source>Overfitting lab with dropout</source>
        <translation>과적합 실험실 + 드롭아웃</translation>
    </message>
    <message>
        <source>Dropout switches random neurons off while training, so no neuron can memorise the points.</source>
        <translation>드롭아웃은 훈련 중에 무작위로 뉴런을 꺼서 어떤 뉴런도 데이터를 외우지 못하게 합니다.</translation>
    </message>
    <message>
        <source>L1 switches useless inputs off</source>
        <translation>L1은 쓸모없는 입력을 끈다</translation>
    </message>
    <message>
        <source>With every feature on, L1 drives the weights of the inputs that do not help to exactly zero.</source>
        <translation>모든 특성을 켜 두면 L1이 도움이 안 되는 입력의 가중치를 정확히 0으로 만듭니다.</translation>
    </message>
    <message>
        <source>Vanishing gradients: six sigmoid layers</source>
        <translation>기울기 소실: 시그모이드 6층</translation>
    </message>
    <message>
        <source>Each sigmoid layer shrinks the gradient: the first layers barely learn (see Gradients).</source>
        <translation>시그모이드 층을 지날 때마다 기울기가 줄어들어 앞쪽 층은 거의 학습하지 못합니다 (기울기 탭 참고).</translation>
    </message>
    <message>
        <source>Six ReLU layers: the gradient gets through</source>
        <translation>ReLU 6층: 기울기가 전달된다</translation>
    </message>
    <message>
        <source>ReLU passes gradients unchanged where it is active: compare the gradient bars with the sigmoid network.</source>
        <translation>ReLU는 활성 구간에서 기울기를 그대로 전달합니다. 시그모이드 신경망과 기울기 막대를 비교해 보세요.</translation>
    </message>
    <message>
        <source>Three-class spiral (softmax and cross-entropy)</source>
        <translation>3클래스 나선 (소프트맥스와 교차 엔트로피)</translation>
    </message>
    <message>
        <source>Three output neurons with softmax give each class a probability.</source>
        <translation>소프트맥스를 쓰는 출력 뉴런 세 개가 각 클래스의 확률을 냅니다.</translation>
    </message>
    <message>
        <source>Four blobs (softmax and cross-entropy)</source>
        <translation>덩어리 4개 (소프트맥스와 교차 엔트로피)</translation>
    </message>
    <message>
        <source>Four classes, four output neurons: read the confusion matrix under Metrics.</source>
        <translation>클래스 4개, 출력 뉴런 4개: 지표 탭에서 혼동 행렬을 읽어 보세요.</translation>
    </message>
    <message>
        <source>Regression: multi-Gaussian</source>
        <translation>회귀: 다중 가우시안</translation>
    </message>
    <message>
        <source>A linear output fits a surface of bumps; R² says how much of it is explained.</source>
        <translation>선형 출력이 울퉁불퉁한 곡면을 근사합니다. R²는 그중 얼마나 설명했는지를 나타냅니다.</translation>
    </message>
    <message>
        <source>Draw your own data</source>
        <translation>직접 데이터 그리기</translation>
    </message>
    <message>
        <source>An empty plane: click to add orange points, Shift+click for blue, then press Play.</source>
        <translation>빈 평면입니다. 클릭하면 주황 점, Shift+클릭하면 파랑 점이 추가됩니다. 그다음 재생을 누르세요.</translation>
    </message>
    <message>
        <source>Diverged - lower the learning rate (the last finite weights are kept).</source>
        <translation>발산했습니다 - 학습률을 낮추세요 (마지막 유한한 가중치는 보존됩니다).</translation>
    </message>
    <message>
        <source>The epoch limit is reached: raise it or press Reset.</source>
        <translation>에포크 한도에 도달했습니다. 한도를 늘리거나 초기화를 누르세요.</translation>
    </message>
    <message>
        <source>Stopped after %1 epochs.</source>
        <translation>%1 에포크 후 정지했습니다.</translation>
    </message>
    <message>
        <source>Stopped: the training loss reached %1 at epoch %2.</source>
        <translation>정지: %2 에포크에서 훈련 손실이 %1에 도달했습니다.</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>에포크 %1</translation>
    </message>
    <message>
        <source>%1 epochs/s · %2 steps/s · %3 fps</source>
        <translation>초당 %1 에포크 · 초당 %2 스텝 · %3 fps</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
</context>
<context>
    <name>TrainerView</name>
    <message>
        <source>Epoch %1</source>
        <extracomment>stretch of the output heat map and of the loss curves in the right column</extracomment>
        <translation>에포크 %1</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>OUTPUT</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>⏸ Pause</source>
        <translation>⏸ 일시정지</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 재생</translation>
    </message>
    <message>
        <source>Diverged - lower the learning rate. The last finite weights are kept.</source>
        <translation>발산했습니다 - 학습률을 낮추세요. 마지막 유한한 가중치는 보존됩니다.</translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation>PNG로 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 스텝</translation>
    </message>
    <message>
        <source>Train one epoch (→)</source>
        <translation>한 에포크 학습 (→)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Back to epoch 0 with the same initial weights (R)</source>
        <translation>같은 초기 가중치로 에포크 0으로 돌아가기 (R)</translation>
    </message>
    <message>
        <source>New weights</source>
        <translation>새 가중치</translation>
    </message>
    <message>
        <source>Back to epoch 0 with new random weights</source>
        <translation>새 무작위 가중치로 에포크 0으로 돌아가기</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Network diagram as PNG…</source>
        <translation>신경망 그림을 PNG로…</translation>
    </message>
    <message>
        <source>Output map as PNG…</source>
        <translation>출력 맵을 PNG로…</translation>
    </message>
    <message>
        <source>Hidden space as PNG…</source>
        <translation>은닉 공간을 PNG로…</translation>
    </message>
    <message>
        <source>Lesson presets…</source>
        <translation>수업 예제…</translation>
    </message>
    <message>
        <source>Hidden space</source>
        <translation>은닉 공간</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>기울기</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>테스트 데이터 보기</translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation>출력 이산화</translation>
    </message>
    <message>
        <source>Log-scale loss</source>
        <translation>손실 로그 눈금</translation>
    </message>
</context>
<context>
    <name>WeightPanel</name>
    <message>
        <source>%1 weights · |w| &lt; 0.01: %2 · largest |w|: %3 · mean |w|: %4</source>
        <translation>가중치 %1개 · |w| &lt; 0.01: %2개 · 최대 |w|: %3 · 평균 |w|: %4</translation>
    </message>
    <message>
        <source>Every weight of the network (orange negative, blue positive). L1 regularisation pushes many weights to exactly 0; L2 shrinks them all towards 0.</source>
        <translation>신경망의 모든 가중치 (주황은 음수, 파랑은 양수). L1 정규화는 많은 가중치를 정확히 0으로 만들고, L2는 모든 가중치를 0 쪽으로 줄입니다.</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>count</source>
        <translation>개수</translation>
    </message>
</context>
</TS>